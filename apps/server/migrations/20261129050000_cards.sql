-- Professional cards: issuer keys (encrypted at rest), one row per printed card with its signed
-- credential, card events, per-chamber status-list indices, print batches and published lists.

CREATE TABLE issuer_keys (
  kid             text PRIMARY KEY CHECK (kid ~ '^[A-Za-z0-9_-]{8,64}$'),
  public_key      text NOT NULL,
  secret_sealed   text NOT NULL,
  state           text NOT NULL CHECK (state IN ('active', 'retired', 'compromised')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  retired_at      timestamptz,
  compromised_at  timestamptz
);
--> statement-breakpoint
COMMENT ON TABLE issuer_keys IS 'Ed25519 issuer keys. secret_sealed is AES-256-GCM under a key derived from APP_SECRET. One active key signs; retired keys still verify until their cards expire; compromised keys verify nothing.';
--> statement-breakpoint
CREATE UNIQUE INDEX issuer_keys_one_active ON issuer_keys (state) WHERE state = 'active';
--> statement-breakpoint

CREATE SEQUENCE card_serial_seq;
--> statement-breakpoint
CREATE TABLE status_list_counters (
  chamber_code  text PRIMARY KEY,
  next_index    integer NOT NULL DEFAULT 0 CHECK (next_index >= 0)
);
--> statement-breakpoint

CREATE TABLE print_batches (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  chamber_code  text NOT NULL,
  layout        text NOT NULL CHECK (layout IN ('a4-sheet', 'card-printer')),
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'rendering', 'done', 'failed')),
  card_count    integer NOT NULL DEFAULT 0,
  cards_done    integer NOT NULL DEFAULT 0,
  file_key      text,
  file_bytes    integer,
  error         text,
  job_id        text,
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
--> statement-breakpoint

CREATE TABLE cards (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  serial             text NOT NULL UNIQUE CHECK (serial ~ '^[0-9]{8,16}$'),
  registration_id    uuid NOT NULL REFERENCES registrations (id),
  nia                text NOT NULL,
  kind               text NOT NULL,
  chamber_code       text NOT NULL,
  name_ar            text NOT NULL,
  name_latn          text NOT NULL,
  activity_code      text NOT NULL,
  status             text NOT NULL CHECK (status IN ('requested', 'printed', 'delivered', 'active', 'suspended', 'revoked', 'expired', 'replaced')),
  issued_at          timestamptz NOT NULL DEFAULT now(),
  valid_from         date NOT NULL,
  valid_until        date NOT NULL,
  verification_code  text NOT NULL CHECK (verification_code ~ '^[0-9A-Z]{8}$'),
  kid                text NOT NULL REFERENCES issuer_keys (kid),
  status_list_index  integer NOT NULL CHECK (status_list_index >= 0),
  credential_hex     text NOT NULL,
  qr_text            text NOT NULL,
  batch_id           uuid REFERENCES print_batches (id),
  replaces_card_id   uuid REFERENCES cards (id),
  revoked_reason     text CHECK (revoked_reason IN ('lost', 'stolen', 'damaged', 'registration_radiated', 'key_compromised', 'error', 'renewed')),
  printed_at         timestamptz,
  delivered_at       timestamptz,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (chamber_code, status_list_index),
  CHECK (valid_until > valid_from),
  CHECK (status <> 'revoked' OR revoked_reason IS NOT NULL)
);
--> statement-breakpoint
COMMENT ON TABLE cards IS 'One row per printed card (first issue, replacement, renewal), each with its own serial, credential and status-list index; cancelling a card never touches the registration.';
--> statement-breakpoint
CREATE INDEX cards_registration ON cards (registration_id);
--> statement-breakpoint
CREATE INDEX cards_chamber_status ON cards (chamber_code, status);
--> statement-breakpoint
CREATE TABLE card_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  card_id    uuid NOT NULL REFERENCES cards (id),
  type       text NOT NULL CHECK (type IN ('requested', 'printed', 'delivered', 'activated', 'suspended', 'unsuspended', 'revoked', 'expired', 'replaced', 'renewal_requested')),
  at         timestamptz NOT NULL DEFAULT now(),
  actor_id   uuid,
  reason     text
);
--> statement-breakpoint
CREATE INDEX card_events_card ON card_events (card_id, id);
--> statement-breakpoint

CREATE TABLE status_publications (
  chamber_code  text NOT NULL,
  purpose       text NOT NULL CHECK (purpose IN ('revocation', 'suspension')),
  document      jsonb NOT NULL,
  set_count     integer NOT NULL,
  published_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chamber_code, purpose)
);
--> statement-breakpoint
COMMENT ON TABLE status_publications IS 'The latest signed status list per chamber and purpose, as served at /status/{chamber}/{purpose}.json.';
