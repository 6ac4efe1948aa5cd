-- The National Handicraft Register: persons, organisations, registrations with every version kept,
-- applications as append-only action logs, documents, duplicate decisions, the NIA sequence and
-- the notification outbox.

CREATE TABLE persons (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cin              text CHECK (cin ~ '^[A-Z]{1,2}[0-9]{1,6}$'),
  first_name_ar    text NOT NULL CHECK (first_name_ar <> ''),
  last_name_ar     text NOT NULL CHECK (last_name_ar <> ''),
  first_name_latn  text NOT NULL CHECK (first_name_latn <> ''),
  last_name_latn   text NOT NULL CHECK (last_name_latn <> ''),
  name_latn_norm   text NOT NULL,
  name_ar_norm     text NOT NULL,
  name_skeleton    text NOT NULL,
  name_skeleton_ar text NOT NULL DEFAULT '',
  birth_date       date NOT NULL CHECK (birth_date > '1900-01-01'),
  gender           text NOT NULL CHECK (gender IN ('F', 'M')),
  phone            text CHECK (phone ~ '^\+212[5-8][0-9]{8}$'),
  email            text CHECK (email = lower(email)),
  address_ar       text,
  address_fr       text,
  province_code    text,
  postal_code      text CHECK (postal_code ~ '^[0-9]{5}$'),
  user_id          uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
COMMENT ON COLUMN persons.name_skeleton IS 'Consonant skeleton of the Latin name (sorted tokens); name_skeleton_ar the same key space transliterated from the Arabic name: duplicates meet across scripts.';
--> statement-breakpoint
COMMENT ON TABLE persons IS 'Natural persons known to the register (artisans, representatives, members). Personal data: CIN, birth date, address, phone never leave staff screens.';
--> statement-breakpoint
CREATE UNIQUE INDEX persons_cin_key ON persons (cin) WHERE cin IS NOT NULL;
--> statement-breakpoint
CREATE INDEX persons_name_latn_trgm ON persons USING gin (name_latn_norm gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX persons_name_ar_trgm ON persons USING gin (name_ar_norm gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX persons_skeleton_birth ON persons (name_skeleton, birth_date);
--> statement-breakpoint
CREATE INDEX persons_skeleton_ar_birth ON persons (name_skeleton_ar, birth_date);
--> statement-breakpoint
CREATE INDEX persons_birth_date ON persons (birth_date);
--> statement-breakpoint

CREATE TABLE organisations (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                  text NOT NULL CHECK (kind IN ('cooperative', 'enterprise')),
  name_ar               text NOT NULL CHECK (name_ar <> ''),
  name_fr               text NOT NULL CHECK (name_fr <> ''),
  ice                   text CHECK (ice ~ '^[0-9]{15}$'),
  rc_court              text,
  rc_number             text,
  coop_register_number  text,
  legal_rep_person_id   uuid NOT NULL REFERENCES persons (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'enterprise' OR (rc_court IS NOT NULL AND rc_number IS NOT NULL AND ice IS NOT NULL)),
  CHECK (kind <> 'cooperative' OR coop_register_number IS NOT NULL)
);
--> statement-breakpoint
COMMENT ON COLUMN organisations.ice IS 'Identifiant commun de l''entreprise: 15 digits, int(ice) mod 97 = 0 (checked by the service).';
--> statement-breakpoint
CREATE UNIQUE INDEX organisations_ice_key ON organisations (ice) WHERE ice IS NOT NULL;
--> statement-breakpoint
CREATE TABLE organisation_members (
  organisation_id  uuid NOT NULL REFERENCES organisations (id),
  person_id        uuid NOT NULL REFERENCES persons (id),
  role             text NOT NULL CHECK (role IN ('legal_representative', 'member', 'supervising_artisan')),
  PRIMARY KEY (organisation_id, person_id, role)
);
--> statement-breakpoint

CREATE TABLE nia_sequence (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_seq  bigint NOT NULL DEFAULT 0
);
--> statement-breakpoint
COMMENT ON TABLE nia_sequence IS 'The one national NIA counter. Only ever incremented, in the approval transaction: an NIA is never reused.';
--> statement-breakpoint
INSERT INTO nia_sequence (id, last_seq) VALUES (true, 0);
--> statement-breakpoint

CREATE TABLE registrations (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  nia                   text NOT NULL UNIQUE,
  kind                  text NOT NULL CHECK (kind IN ('artisan', 'master_artisan', 'cooperative', 'enterprise')),
  qualification_basis   text CHECK (qualification_basis IN ('diploma', 'practice_attestation', 'recognition_attestation')),
  years_of_practice     integer CHECK (years_of_practice BETWEEN 0 AND 80),
  person_id             uuid REFERENCES persons (id),
  organisation_id       uuid REFERENCES organisations (id),
  supervising_registration_id uuid REFERENCES registrations (id),
  chamber_code          text NOT NULL,
  workshop_province_code text NOT NULL,
  workshop_address_ar   text,
  workshop_address_fr   text,
  nomenclature_version  text NOT NULL,
  primary_activity_code text NOT NULL,
  status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'radiated')),
  status_reason         text,
  suspended_until       date,
  version               integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  registered_at         timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind IN ('artisan', 'master_artisan')) = (person_id IS NOT NULL)),
  CHECK ((kind IN ('cooperative', 'enterprise')) = (organisation_id IS NOT NULL)),
  CHECK (kind <> 'enterprise' OR supervising_registration_id IS NOT NULL),
  CHECK (status <> 'suspended' OR status_reason IS NOT NULL),
  CHECK (status <> 'radiated' OR status_reason IN ('voluntary', 'condition_lost', 'death', 'duplicate', 'sanction')),
  FOREIGN KEY (nomenclature_version, primary_activity_code) REFERENCES activities (version_code, code)
);
--> statement-breakpoint
COMMENT ON TABLE registrations IS 'Register entries. Never deleted: radiation is a status. Every change bumps version and writes registration_versions.';
--> statement-breakpoint
CREATE UNIQUE INDEX registrations_one_active_per_person_kind ON registrations (person_id, kind) WHERE status <> 'radiated' AND person_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX registrations_chamber_status ON registrations (chamber_code, status);
--> statement-breakpoint
CREATE TABLE registration_activities (
  registration_id       uuid NOT NULL REFERENCES registrations (id),
  nomenclature_version  text NOT NULL,
  activity_code         text NOT NULL,
  PRIMARY KEY (registration_id, activity_code),
  FOREIGN KEY (nomenclature_version, activity_code) REFERENCES activities (version_code, code)
);
--> statement-breakpoint
COMMENT ON TABLE registration_activities IS 'Secondary activities of an entry (the primary one is on registrations).';
--> statement-breakpoint
CREATE TABLE registration_versions (
  registration_id  uuid NOT NULL REFERENCES registrations (id),
  version          integer NOT NULL,
  action           text NOT NULL CHECK (action IN ('register', 'modify', 'suspend', 'lift_suspension', 'radiate', 'reinstate', 'transfer')),
  snapshot         jsonb NOT NULL,
  reason           text,
  actor_id         uuid,
  application_id   uuid,
  at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (registration_id, version)
);
--> statement-breakpoint
COMMENT ON TABLE registration_versions IS 'Every version of every entry, with the action that made it: the register''s history.';
--> statement-breakpoint

CREATE TABLE applications (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_number       text NOT NULL UNIQUE,
  purpose           text NOT NULL DEFAULT 'registration' CHECK (purpose IN ('registration', 'modification', 'reinstatement')),
  kind              text NOT NULL CHECK (kind IN ('artisan', 'master_artisan', 'cooperative', 'enterprise')),
  chamber_code      text NOT NULL,
  channel           text NOT NULL CHECK (channel IN ('portal', 'counter')),
  applicant_user_id uuid REFERENCES users (id),
  filed_by_user_id  uuid REFERENCES users (id),
  registration_id   uuid REFERENCES registrations (id),
  payload           jsonb NOT NULL,
  cin               text,
  birth_date        date,
  name_latn_norm    text NOT NULL DEFAULT '',
  name_ar_norm      text NOT NULL DEFAULT '',
  name_skeleton     text NOT NULL DEFAULT '',
  name_skeleton_ar  text NOT NULL DEFAULT '',
  province_code     text,
  primary_activity_code text,
  state             text NOT NULL CHECK (state IN ('draft', 'submitted', 'incomplete', 'resubmitted', 'under_review', 'commission', 'approved', 'rejected', 'withdrawn')),
  state_since       timestamptz NOT NULL,
  submitted_at      timestamptz,
  decided_at        timestamptz,
  assignee_id       uuid REFERENCES users (id),
  locale            text NOT NULL DEFAULT 'ar' CHECK (locale IN ('ar', 'fr', 'en', 'zgh')),
  contact_phone     text,
  contact_email     text,
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (channel <> 'portal' OR applicant_user_id IS NOT NULL)
);
--> statement-breakpoint
COMMENT ON COLUMN applications.state IS 'A projection of application_actions, recomputed by the pure workflow function on every action; the actions are the truth.';
--> statement-breakpoint
COMMENT ON COLUMN applications.version IS 'Optimistic concurrency: an edit or decision names the version it saw; a stale one is refused.';
--> statement-breakpoint
CREATE INDEX applications_queue ON applications (chamber_code, state, state_since);
--> statement-breakpoint
CREATE INDEX applications_applicant ON applications (applicant_user_id);
--> statement-breakpoint
CREATE INDEX applications_cin ON applications (cin) WHERE cin IS NOT NULL;
--> statement-breakpoint
CREATE INDEX applications_skeleton_birth ON applications (name_skeleton, birth_date);
--> statement-breakpoint
CREATE TABLE application_actions (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id   uuid NOT NULL REFERENCES applications (id),
  type             text NOT NULL CHECK (type IN ('create', 'edit', 'submit', 'request_info', 'resubmit', 'start_review', 'refer_commission', 'approve', 'reject', 'withdraw', 'assign')),
  side             text NOT NULL CHECK (side IN ('applicant', 'staff')),
  actor_id         uuid REFERENCES users (id),
  at               timestamptz NOT NULL DEFAULT now(),
  reason_code      text,
  message          text CHECK (length(message) <= 4000),
  data             jsonb,
  idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 100),
  UNIQUE (application_id, idempotency_key),
  CHECK (type <> 'reject' OR reason_code IS NOT NULL),
  CHECK (type <> 'request_info' OR message IS NOT NULL)
);
--> statement-breakpoint
COMMENT ON TABLE application_actions IS 'Append-only history of each application; a retry with the same idempotency key changes nothing.';
--> statement-breakpoint
CREATE INDEX application_actions_key ON application_actions (idempotency_key);
--> statement-breakpoint
CREATE INDEX application_actions_app ON application_actions (application_id, id);
--> statement-breakpoint
CREATE FUNCTION application_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'application_actions is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER application_actions_no_update BEFORE UPDATE OR DELETE ON application_actions
  FOR EACH ROW EXECUTE FUNCTION application_actions_append_only();
--> statement-breakpoint
CREATE TABLE application_counters (
  chamber_code text NOT NULL,
  year         integer NOT NULL,
  last_number  integer NOT NULL,
  PRIMARY KEY (chamber_code, year)
);
--> statement-breakpoint

CREATE TABLE documents (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id   uuid NOT NULL REFERENCES applications (id),
  type             text NOT NULL CHECK (type IN ('cin_copy', 'photo', 'diploma', 'practice_attestation', 'recognition_attestation', 'cooperative_papers', 'enterprise_papers', 'other')),
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes       integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
  mime             text NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
  original_name    text,
  uploaded_by      uuid REFERENCES users (id),
  uploaded_at      timestamptz NOT NULL DEFAULT now(),
  superseded_at    timestamptz
);
--> statement-breakpoint
COMMENT ON COLUMN documents.sha256 IS 'Content address: the file is stored outside the database under this key.';
--> statement-breakpoint
CREATE INDEX documents_application ON documents (application_id);
--> statement-breakpoint

CREATE TABLE duplicate_decisions (
  id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id             uuid NOT NULL REFERENCES applications (id),
  candidate_registration_id  uuid REFERENCES registrations (id),
  candidate_application_id   uuid REFERENCES applications (id),
  decision                   text NOT NULL CHECK (decision IN ('not_duplicate', 'duplicate_reject', 'duplicate_link')),
  note                       text,
  actor_id                   uuid NOT NULL REFERENCES users (id),
  at                         timestamptz NOT NULL DEFAULT now(),
  CHECK ((candidate_registration_id IS NULL) <> (candidate_application_id IS NULL))
);
--> statement-breakpoint
COMMENT ON TABLE duplicate_decisions IS 'An agent''s decision on a duplicate candidate. Nothing is ever merged automatically.';
--> statement-breakpoint

CREATE TABLE outbox (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel       text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient     text NOT NULL,
  locale        text NOT NULL CHECK (locale IN ('ar', 'fr', 'en', 'zgh')),
  template      text NOT NULL,
  params        jsonb NOT NULL DEFAULT '{}',
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts      integer NOT NULL DEFAULT 0,
  last_error    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  sent_at       timestamptz
);
--> statement-breakpoint
COMMENT ON TABLE outbox IS 'Messages to send, written in the transaction of the event; a job delivers them.';
--> statement-breakpoint
CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';
