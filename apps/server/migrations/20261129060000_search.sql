-- Search keys, directory consent and open data (issue 5). Written by the search work.
--
-- search_entries is the search module's projection of the register: one row per registration with
-- every filter and every key a search needs, so that a search reads one table. It is kept in step by
-- statement-level triggers on registrations, persons and organisations (set-based, so a bulk insert
-- of 10,000 entries refreshes them in one statement), whoever writes those tables: the registry, the
-- demo seed or an import. The name keys themselves are computed in JS when a person is written
-- (persons.name_latn_norm, name_ar_norm, name_skeleton, name_skeleton_ar): the projection only
-- splits them into terms, which SQL can do, so nothing here needs a backfill step in JS.

ALTER TABLE registrations
  ADD COLUMN directory_consent text NOT NULL DEFAULT 'none'
    CHECK (directory_consent IN ('none', 'basic', 'contact'));
--> statement-breakpoint
ALTER TABLE registrations ADD COLUMN directory_consent_at timestamptz;
--> statement-breakpoint
COMMENT ON COLUMN registrations.directory_consent IS 'What the holder agreed to publish in the public directory: none (not listed, the default), basic (name, activity, province), contact (plus workshop address and phone). Set by the holder or at the counter; every change is in the audit trail.';
--> statement-breakpoint

CREATE TABLE search_entries (
  registration_id    uuid PRIMARY KEY REFERENCES registrations (id) ON DELETE CASCADE,
  person_id          uuid,
  organisation_id    uuid,
  nia                text NOT NULL,
  kind               text NOT NULL,
  status             text NOT NULL,
  chamber_code       text NOT NULL,
  region_code        text,
  province_code      text NOT NULL,
  activity_code      text NOT NULL,
  nomenclature_version text NOT NULL,
  directory_consent  text NOT NULL,
  gender             text,
  cin                text,
  phone              text,
  name_ar            text NOT NULL,
  name_latn          text NOT NULL,
  name_latn_norm     text NOT NULL,
  name_ar_norm       text NOT NULL,
  name_skeleton      text NOT NULL,
  name_skeleton_ar   text NOT NULL,
  org_words          text NOT NULL,
  terms              text[] NOT NULL,
  registered_at      timestamptz NOT NULL
);
--> statement-breakpoint
COMMENT ON TABLE search_entries IS 'Projection of the register for search, the directory and open data; written only by the search_entries_refresh triggers. person_id is the person whose name, CIN and phone are indexed: the holder, or the legal representative of an organisation.';
--> statement-breakpoint
COMMENT ON COLUMN search_entries.terms IS 'Exact-match terms (search_terms_of): "#" + each consonant-skeleton token of the name in either script (Mohamed, Mhamed and محمد all give #mhmd), "=" + the whole sorted skeleton, each word of an organisation''s name, and the filter values (c:, r:, p:, a:, k:, s:).';
--> statement-breakpoint
CREATE INDEX search_entries_terms ON search_entries USING gin (terms);
--> statement-breakpoint
COMMENT ON INDEX search_entries_terms IS 'GIN with its pending list (fastupdate, the default): an entry written costs about 4 µs here instead of 85 µs, which an import of 100,000s of entries feels; searches read a pending list of at most gin_pending_list_limit until (auto)vacuum merges it.';
--> statement-breakpoint
CREATE INDEX search_entries_directory_terms ON search_entries USING gin (terms)
  WHERE directory_consent <> 'none' AND status = 'active';
--> statement-breakpoint
CREATE INDEX search_entries_directory_name ON search_entries (name_latn, registration_id)
  WHERE directory_consent <> 'none' AND status = 'active';
--> statement-breakpoint
CREATE UNIQUE INDEX search_entries_nia ON search_entries (nia);
--> statement-breakpoint
CREATE INDEX search_entries_cin ON search_entries (cin) WHERE cin IS NOT NULL;
--> statement-breakpoint
CREATE INDEX search_entries_phone ON search_entries (phone) WHERE phone IS NOT NULL;
--> statement-breakpoint
CREATE INDEX search_entries_chamber_nia ON search_entries (chamber_code, nia);
--> statement-breakpoint
CREATE INDEX search_entries_person ON search_entries (person_id);
--> statement-breakpoint
CREATE INDEX search_entries_organisation ON search_entries (organisation_id) WHERE organisation_id IS NOT NULL;
--> statement-breakpoint

CREATE TABLE search_words (
  word text PRIMARY KEY
);
--> statement-breakpoint
COMMENT ON TABLE search_words IS 'Every distinct normalised word of the names in search_entries (persons in both scripts, organisations): the small dictionary a misspelt query word is matched against with pg_trgm, before the exact lookup in search_entries. Only grows; a word no entry uses any more finds nothing.';
--> statement-breakpoint
CREATE INDEX search_words_trgm ON search_words USING gin (word gin_trgm_ops);
--> statement-breakpoint

-- Words of an organisation's name: Latin lower-cased without accents, Arabic with the letter forms
-- folded as normalizeArabic folds them and the article dropped.
CREATE FUNCTION search_org_words(name_fr text, name_ar text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(DISTINCT w, ' '), '')
  FROM (
    SELECT regexp_split_to_table(lower(unaccent(coalesce(name_fr, ''))), '[^a-z]+') AS w
    UNION ALL
    SELECT CASE WHEN length(a) >= 4 AND a LIKE 'ال%' THEN substr(a, 3) ELSE a END
    FROM regexp_split_to_table(
      translate(coalesce(name_ar, ''), 'أإآٱىةؤئ', 'اااايهوي'), '[^ء-ي]+') AS a
  ) words
  WHERE length(w) >= 2
$$;
--> statement-breakpoint
-- The index terms of an entry. '#' + each skeleton token of the name (either script); '=' + the
-- whole sorted skeleton, tokens joined by '+' (an exact full-name match reads only the homonyms'
-- short posting list, however common each word is); each word of an organisation's name; and the
-- filters ('c:' chamber, 'r:' region, 'p:' province, 'a:' activity, 'k:' kind, 's:' status), so that a
-- chamber's search or a filter narrows inside the same GIN scan instead of on the table. Most entries
-- are active artisans: those two values narrow nothing, are never searched as terms, and are left out.
CREATE FUNCTION search_terms_of(
  skeleton text, skeleton_ar text, org_words text, chamber text, region text, province text,
  activity text, kind text, status text)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_remove(string_to_array(
    CASE WHEN skeleton = '' THEN '' ELSE '#' || replace(skeleton, ' ', ' #') || ' =' || replace(skeleton, ' ', '+') END || ' ' ||
    CASE WHEN skeleton_ar = '' OR skeleton_ar = skeleton THEN ''
         ELSE '#' || replace(skeleton_ar, ' ', ' #') || ' =' || replace(skeleton_ar, ' ', '+') END || ' ' ||
    org_words || ' c:' || chamber || ' r:' || coalesce(region, '') || ' p:' || province ||
    ' a:' || activity ||
    CASE WHEN kind = 'artisan' THEN '' ELSE ' k:' || kind END ||
    CASE WHEN status = 'active' THEN '' ELSE ' s:' || status END, ' '), '')
$$;
--> statement-breakpoint

-- Rewrites the projection rows of these registrations from the register, and adds new words to
-- the dictionary. Called by the triggers below (and once at the end of this migration).
CREATE FUNCTION search_entries_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  WITH written AS (
    INSERT INTO search_entries AS s (
      registration_id, person_id, organisation_id, nia, kind, status, chamber_code, region_code,
      province_code, activity_code, nomenclature_version, directory_consent, gender, cin, phone, name_ar, name_latn,
      name_latn_norm, name_ar_norm, name_skeleton, name_skeleton_ar, org_words, terms, registered_at)
    SELECT r.id, p.id, r.organisation_id, r.nia, r.kind, r.status, r.chamber_code,
           x.region_code,
           r.workshop_province_code, r.primary_activity_code, r.nomenclature_version, r.directory_consent,
           CASE WHEN r.person_id IS NOT NULL THEN p.gender END,
           p.cin, p.phone,
           coalesce(o.name_ar, p.first_name_ar || ' ' || p.last_name_ar, ''),
           coalesce(o.name_fr, p.first_name_latn || ' ' || p.last_name_latn, ''),
           coalesce(p.name_latn_norm, ''), coalesce(p.name_ar_norm, ''),
           coalesce(p.name_skeleton, ''), coalesce(p.name_skeleton_ar, ''),
           x.org_words,
           search_terms_of(coalesce(p.name_skeleton, ''), coalesce(p.name_skeleton_ar, ''), x.org_words,
                           r.chamber_code, x.region_code, r.workshop_province_code, r.primary_activity_code,
                           r.kind, r.status),
           r.registered_at
    FROM registrations r
    LEFT JOIN organisations o ON o.id = r.organisation_id
    LEFT JOIN persons p ON p.id = coalesce(r.person_id, o.legal_rep_person_id)
    CROSS JOIN LATERAL (
      SELECT CASE WHEN o.id IS NULL THEN '' ELSE search_org_words(o.name_fr, o.name_ar) END AS org_words,
             (SELECT pr.region_code FROM provinces pr
               WHERE pr.code = r.workshop_province_code ORDER BY pr.valid_from DESC LIMIT 1) AS region_code
    ) x
    WHERE r.id = ANY (ids)
    ON CONFLICT (registration_id) DO UPDATE SET
      person_id = EXCLUDED.person_id, organisation_id = EXCLUDED.organisation_id, nia = EXCLUDED.nia,
      kind = EXCLUDED.kind, status = EXCLUDED.status, chamber_code = EXCLUDED.chamber_code,
      region_code = EXCLUDED.region_code, province_code = EXCLUDED.province_code,
      activity_code = EXCLUDED.activity_code, nomenclature_version = EXCLUDED.nomenclature_version,
      directory_consent = EXCLUDED.directory_consent,
      gender = EXCLUDED.gender, cin = EXCLUDED.cin, phone = EXCLUDED.phone, name_ar = EXCLUDED.name_ar,
      name_latn = EXCLUDED.name_latn, name_latn_norm = EXCLUDED.name_latn_norm,
      name_ar_norm = EXCLUDED.name_ar_norm, name_skeleton = EXCLUDED.name_skeleton,
      name_skeleton_ar = EXCLUDED.name_skeleton_ar, org_words = EXCLUDED.org_words,
      terms = EXCLUDED.terms, registered_at = EXCLUDED.registered_at
    WHERE (s.*) IS DISTINCT FROM (EXCLUDED.*)
    RETURNING s.name_latn_norm || ' ' || s.name_ar_norm || ' ' || s.org_words AS words
  )
  INSERT INTO search_words (word)
  SELECT DISTINCT w FROM written, unnest(string_to_array(written.words, ' ')) AS w
  WHERE w <> ''
  ON CONFLICT DO NOTHING;
END;
$$;
--> statement-breakpoint

CREATE FUNCTION search_on_registrations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_refresh(ARRAY(SELECT id FROM changed));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER search_registrations_insert AFTER INSERT ON registrations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_registrations();
--> statement-breakpoint
CREATE TRIGGER search_registrations_update AFTER UPDATE ON registrations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION search_on_registrations();
--> statement-breakpoint

CREATE FUNCTION search_on_persons() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_refresh(ARRAY(
    SELECT s.registration_id
    FROM new_rows n
    JOIN old_rows o ON o.id = n.id
    JOIN search_entries s ON s.person_id = n.id
    WHERE (n.cin, n.phone, n.gender, n.first_name_ar, n.last_name_ar, n.first_name_latn, n.last_name_latn,
           n.name_latn_norm, n.name_ar_norm, n.name_skeleton, n.name_skeleton_ar)
      IS DISTINCT FROM
          (o.cin, o.phone, o.gender, o.first_name_ar, o.last_name_ar, o.first_name_latn, o.last_name_latn,
           o.name_latn_norm, o.name_ar_norm, o.name_skeleton, o.name_skeleton_ar)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER search_persons_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_persons();
--> statement-breakpoint

CREATE FUNCTION search_on_organisations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_entries_refresh(ARRAY(
    SELECT s.registration_id
    FROM new_rows n
    JOIN old_rows o ON o.id = n.id
    JOIN search_entries s ON s.organisation_id = n.id
    WHERE (n.name_ar, n.name_fr, n.legal_rep_person_id) IS DISTINCT FROM (o.name_ar, o.name_fr, o.legal_rep_person_id)));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER search_organisations_update AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_on_organisations();
--> statement-breakpoint

SELECT search_entries_refresh(ARRAY(SELECT id FROM registrations));
