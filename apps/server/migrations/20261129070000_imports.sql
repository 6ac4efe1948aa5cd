-- Imports of the chambers' legacy lists (issue 5): an uploaded file, its column mapping (reusable
-- as a template), a dry run that judges every row, the chamber's sign-off, then a load in batches
-- that is resumable and exactly-once. Every imported register entry keeps its provenance.

CREATE TABLE import_templates (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chamber_code      text NOT NULL,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  header_signature  text NOT NULL CHECK (header_signature ~ '^[0-9a-f]{64}$'),
  headers           jsonb NOT NULL,
  header_row        integer NOT NULL CHECK (header_row >= 0),
  mapping           jsonb NOT NULL,
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (chamber_code, name)
);
--> statement-breakpoint
COMMENT ON TABLE import_templates IS 'A chamber''s saved column mapping, proposed again when a file has the same headers (header_signature = sha256 of the normalised headers).';
--> statement-breakpoint
CREATE INDEX import_templates_signature ON import_templates (chamber_code, header_signature);
--> statement-breakpoint

CREATE TABLE imports (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chamber_code     text NOT NULL,
  file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes       bigint NOT NULL CHECK (size_bytes > 0),
  format           text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  encoding         text CHECK (encoding IN ('utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252')),
  delimiter        text CHECK (delimiter IN (',', ';', E'\t', '|')),
  sheet_name       text,
  header_row       integer NOT NULL CHECK (header_row >= 0),
  headers          jsonb NOT NULL,
  preview          jsonb NOT NULL,
  estimated_rows   integer,
  notes            jsonb NOT NULL DEFAULT '[]',
  mapping          jsonb,
  template_id      uuid REFERENCES import_templates (id),
  status           text NOT NULL CHECK (status IN ('uploaded', 'mapped', 'dry_run_done', 'signed_off', 'loading', 'done', 'failed', 'cancelled')),
  phase            text CHECK (phase IN ('dry_run', 'load')),
  total_rows       integer NOT NULL DEFAULT 0 CHECK (total_rows >= 0),
  valid_count      integer NOT NULL DEFAULT 0 CHECK (valid_count >= 0),
  invalid_count    integer NOT NULL DEFAULT 0 CHECK (invalid_count >= 0),
  duplicate_count  integer NOT NULL DEFAULT 0 CHECK (duplicate_count >= 0),
  skipped_count    integer NOT NULL DEFAULT 0 CHECK (skipped_count >= 0),
  load_anyway_count integer NOT NULL DEFAULT 0 CHECK (load_anyway_count >= 0),
  loaded_count     integer NOT NULL DEFAULT 0 CHECK (loaded_count >= 0),
  rejected_count   integer NOT NULL DEFAULT 0 CHECK (rejected_count >= 0),
  cursor_row       integer NOT NULL DEFAULT 0 CHECK (cursor_row >= 0),
  progress_done    integer NOT NULL DEFAULT 0,
  progress_total   integer NOT NULL DEFAULT 0,
  run_started_at   timestamptz,
  run_start_done   integer NOT NULL DEFAULT 0,
  heartbeat_at     timestamptz,
  job_id           text,
  error_code       text,
  error_params     jsonb,
  signed_off_by    uuid REFERENCES users (id),
  signed_off_at    timestamptz,
  created_by       uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz,
  CHECK (status NOT IN ('signed_off', 'loading', 'done') OR signed_off_at IS NOT NULL),
  CHECK (status NOT IN ('mapped', 'dry_run_done', 'signed_off', 'loading', 'done') OR mapping IS NOT NULL),
  CHECK (phase IS NULL OR status IN ('mapped', 'dry_run_done', 'loading')),
  CHECK (loaded_count = 0 OR signed_off_at IS NOT NULL)
);
--> statement-breakpoint
COMMENT ON TABLE imports IS 'One uploaded legacy list (the file itself is in blob storage under sha256). status: uploaded → mapped → dry_run_done → signed_off → loading → done, or failed / cancelled. Nothing reaches the register before a chamber admin signs off the dry run.';
--> statement-breakpoint
COMMENT ON COLUMN imports.cursor_row IS 'Last row number whose batch was committed by the load: a resumed load continues after it. Advanced in the same transaction as the entries it created.';
--> statement-breakpoint
COMMENT ON COLUMN imports.phase IS 'The job at work on this import now (dry_run or load), for progress; NULL when none.';
--> statement-breakpoint
CREATE INDEX imports_chamber_created ON imports (chamber_code, created_at DESC);
--> statement-breakpoint

CREATE TABLE import_rows (
  import_id                uuid NOT NULL REFERENCES imports (id),
  row_number               integer NOT NULL CHECK (row_number >= 1),
  raw                      jsonb NOT NULL,
  normalised               jsonb,
  status                   text NOT NULL CHECK (status IN ('valid', 'invalid', 'duplicate', 'loaded', 'rejected', 'skipped')),
  reasons                  jsonb NOT NULL DEFAULT '[]',
  notes                    jsonb NOT NULL DEFAULT '[]',
  matched_registration_id  uuid REFERENCES registrations (id),
  matched_row              integer,
  decision                 text CHECK (decision IN ('load_anyway')),
  registration_id          uuid,
  PRIMARY KEY (import_id, row_number),
  CHECK ((status = 'loaded') = (registration_id IS NOT NULL)),
  CHECK (decision IS NULL OR status IN ('duplicate', 'loaded', 'rejected')),
  CHECK (status NOT IN ('valid', 'loaded') OR normalised IS NOT NULL)
);
--> statement-breakpoint
COMMENT ON TABLE import_rows IS 'Every row of an import as read (raw: the cells), as understood (normalised) and as judged (status, reasons). A duplicate candidate is loaded only when an agent decided load_anyway; nothing is merged.';
--> statement-breakpoint
COMMENT ON COLUMN import_rows.registration_id IS 'The entry this row became. No foreign key on purpose (it would be checked on every row of a load): the same link is held, with its constraint, by registrations (import_id, import_row).';
--> statement-breakpoint
CREATE INDEX import_rows_status ON import_rows (import_id, status, row_number);
--> statement-breakpoint

ALTER TABLE registrations ADD COLUMN import_id uuid REFERENCES imports (id);
--> statement-breakpoint
ALTER TABLE registrations ADD COLUMN import_row integer;
--> statement-breakpoint
ALTER TABLE registrations ADD CONSTRAINT registrations_import_provenance CHECK ((import_id IS NULL) = (import_row IS NULL));
--> statement-breakpoint
COMMENT ON COLUMN registrations.import_id IS 'Provenance of an entry taken over from a legacy list: the import (its file name and hash are on imports) and the row of that file (import_row).';
--> statement-breakpoint
CREATE UNIQUE INDEX registrations_import_row_key ON registrations (import_id, import_row) WHERE import_id IS NOT NULL;
