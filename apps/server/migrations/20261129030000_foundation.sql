-- Hirfa foundation: extensions, reference data, accounts, sessions, audit chain.
-- Written for PostgreSQL 15 (the server) and PGlite (PostgreSQL 18): use nothing newer than 15.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint

-- ───────────── Reference data (effective-dated) ─────────────
CREATE TABLE regions (
  code        text NOT NULL CHECK (code ~ '^MA-[0-9]{2}$'),
  name_ar     text NOT NULL CHECK (name_ar <> ''),
  name_fr     text NOT NULL CHECK (name_fr <> ''),
  name_en     text,
  name_zgh    text,
  capital_ar  text NOT NULL,
  capital_fr  text NOT NULL,
  valid_from  date NOT NULL,
  valid_to    date,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
--> statement-breakpoint
COMMENT ON TABLE regions IS 'The 12 regions (decree 2-15-40), keyed by ISO 3166-2:MA code. ISO reused MA-01..MA-12 in 2019: a code means a region only within [valid_from, valid_to).';
--> statement-breakpoint
CREATE TABLE provinces (
  code        text NOT NULL CHECK (code ~ '^MA-[A-Z]{3}$'),
  type        text NOT NULL CHECK (type IN ('prefecture', 'province')),
  name_ar     text NOT NULL CHECK (name_ar <> ''),
  name_fr     text NOT NULL CHECK (name_fr <> ''),
  name_zgh    text,
  region_code text NOT NULL,
  hcp_code    text CHECK (hcp_code ~ '^[0-9]{3}$'),
  valid_from  date NOT NULL,
  valid_to    date,
  PRIMARY KEY (code, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
--> statement-breakpoint
COMMENT ON TABLE provinces IS 'The 75 prefectures and provinces; region_code follows the decree, never ISO parent data.';
--> statement-breakpoint
CREATE TABLE chambers (
  code        text NOT NULL CHECK (code ~ '^(CA-MA-[0-9]{2}|FCA-MA)$'),
  kind        text NOT NULL CHECK (kind IN ('regional', 'federation')),
  region_code text,
  name_ar     text NOT NULL,
  name_fr     text NOT NULL,
  name_zgh    text,
  seat_ar     text NOT NULL,
  seat_fr     text NOT NULL,
  valid_from  date NOT NULL,
  valid_to    date,
  PRIMARY KEY (code, valid_from),
  CHECK ((kind = 'regional') = (region_code IS NOT NULL)),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
--> statement-breakpoint
COMMENT ON TABLE chambers IS 'One Chamber of Handicraft per region (law 18-09) and their Federation (FCA). CA-MA-nn codes are Hirfa''s own.';
--> statement-breakpoint
CREATE TABLE nomenclature_versions (
  code        text PRIMARY KEY,
  provisional boolean NOT NULL,
  valid_from  date NOT NULL UNIQUE,
  valid_to    date,
  source      text NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
--> statement-breakpoint
COMMENT ON TABLE nomenclature_versions IS 'Versions of the list of handicraft activities (decree 2-21-991); provisional until the official annex is loaded.';
--> statement-breakpoint
CREATE TABLE activity_categories (
  code     text PRIMARY KEY CHECK (code IN ('art_production', 'services')),
  name_ar  text NOT NULL,
  name_fr  text NOT NULL,
  name_en  text,
  name_zgh text
);
--> statement-breakpoint
CREATE TABLE activity_branches (
  version_code  text NOT NULL REFERENCES nomenclature_versions (code),
  code          text NOT NULL,
  category_code text NOT NULL REFERENCES activity_categories (code),
  name_ar       text NOT NULL,
  name_fr       text NOT NULL,
  name_zgh      text,
  PRIMARY KEY (version_code, code)
);
--> statement-breakpoint
CREATE TABLE activities (
  version_code  text NOT NULL REFERENCES nomenclature_versions (code),
  code          text NOT NULL,
  branch_code   text NOT NULL,
  name_ar       text NOT NULL,
  name_fr       text NOT NULL,
  name_zgh      text,
  source_note   text,
  PRIMARY KEY (version_code, code),
  FOREIGN KEY (version_code, branch_code) REFERENCES activity_branches (version_code, code)
);
--> statement-breakpoint
CREATE TABLE reference_loads (
  file       text PRIMARY KEY,
  sha256     text NOT NULL,
  row_count  integer NOT NULL,
  loaded_at  timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint

-- ───────────── Accounts and sessions ─────────────
CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  role           text NOT NULL CHECK (role IN ('federation_admin', 'chamber_admin', 'chamber_agent', 'auditor', 'artisan')),
  chamber_code   text,
  display_name   text NOT NULL CHECK (length(display_name) BETWEEN 2 AND 120),
  email          text CHECK (email = lower(email) AND email LIKE '%_@_%'),
  phone          text CHECK (phone ~ '^\+212[5-8][0-9]{8}$'),
  password_hash  text NOT NULL,
  locale         text NOT NULL DEFAULT 'ar' CHECK (locale IN ('ar', 'fr', 'en', 'zgh')),
  totp_secret    text,
  totp_enabled   boolean NOT NULL DEFAULT false,
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((role IN ('chamber_admin', 'chamber_agent')) = (chamber_code IS NOT NULL)),
  CHECK (role = 'artisan' OR email IS NOT NULL),
  CHECK (email IS NOT NULL OR phone IS NOT NULL),
  CHECK (NOT totp_enabled OR totp_secret IS NOT NULL)
);
--> statement-breakpoint
COMMENT ON COLUMN users.chamber_code IS 'Scope: the chamber of a chamber admin or agent; NULL means national scope (federation, auditor) or none (artisan).';
--> statement-breakpoint
COMMENT ON COLUMN users.totp_secret IS 'TOTP secret encrypted with AES-256-GCM under a key derived from APP_SECRET.';
--> statement-breakpoint
CREATE UNIQUE INDEX users_email_key ON users (email) WHERE email IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX users_phone_key ON users (phone) WHERE phone IS NOT NULL;
--> statement-breakpoint
CREATE INDEX users_chamber_idx ON users (chamber_code);
--> statement-breakpoint
CREATE TABLE sessions (
  id            text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id),
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  ip            text,
  user_agent    text,
  CHECK (expires_at > created_at)
);
--> statement-breakpoint
COMMENT ON COLUMN sessions.id IS 'SHA-256 of the session token: the token itself is only in the user''s cookie.';
--> statement-breakpoint
CREATE INDEX sessions_user_idx ON sessions (user_id);
--> statement-breakpoint
CREATE TABLE login_throttle (
  key           text PRIMARY KEY,
  failures      integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  window_start  timestamptz NOT NULL DEFAULT now(),
  locked_until  timestamptz
);
--> statement-breakpoint
COMMENT ON TABLE login_throttle IS 'Failed logins per account (acct:<id or identifier>) and per address (ip:<addr>) within a sliding window.';
--> statement-breakpoint

-- ───────────── Audit (append-only, hash-chained) ─────────────
CREATE TABLE audit_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at            timestamptz NOT NULL,
  actor_id      uuid,
  actor_role    text,
  chamber_code  text,
  action        text NOT NULL,
  target_type   text NOT NULL,
  target_id     text,
  request_id    text,
  ip            text,
  changes       jsonb,
  prev_hash     text NOT NULL,
  hash          text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
COMMENT ON TABLE audit_events IS 'Every change, written in the transaction of the change. hash = sha256(prev_hash || canonical JSON of the row); the first row chains to 64 zeros. Verify with npm run audit:verify.';
--> statement-breakpoint
CREATE INDEX audit_events_target_idx ON audit_events (target_type, target_id);
--> statement-breakpoint
CREATE INDEX audit_events_chamber_idx ON audit_events (chamber_code, id);
--> statement-breakpoint
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
