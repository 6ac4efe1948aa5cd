// The claim set of the card credential: a CWT claims set (RFC 8392), i.e. a CBOR map with integer
// keys. Hirfa's claims use the one-byte negative keys −1…−13; these are not IANA-registered and have
// meaning only together with the format version (−1). Dates are whole days since 1970-01-01 (UTC),
// 3 bytes each instead of the 5 of a CWT NumericDate, so the registered iat/nbf/exp are not used.
import { cborDecode, cborEncode, cborInt, type CborValue } from './cbor.ts';
import { nameClaimValue, type NameScript, normaliseName, unpackName } from './names.ts';

export const CREDENTIAL_FORMAT_VERSION = 1;

/** Integer keys of the claim map, in the order they are written (deterministic CBOR order). */
export const CLAIM_KEYS = {
  iss: 1,
  formatVersion: -1,
  serial: -2,
  nia: -3,
  nameAr: -4,
  nameLatn: -5,
  activityCode: -6,
  kind: -7,
  chamberCode: -8,
  issuedAt: -9,
  validFrom: -10,
  validUntil: -11,
  statusListIndex: -12,
  abbreviated: -13,
} as const;

export const CARD_KINDS = ['artisan', 'master_artisan', 'cooperative', 'enterprise'] as const;
export type CardKind = (typeof CARD_KINDS)[number];
/** kind → claim value (1–4; 0 is reserved). */
export const CARD_KIND_CODES: Record<CardKind, number> = {
  artisan: 1,
  master_artisan: 2,
  cooperative: 3,
  enterprise: 4,
};

/** What the issuer puts on a card. Dates are calendar dates, `YYYY-MM-DD`. */
export interface CardClaims {
  serial: string;
  nia: string;
  nameAr: string;
  nameLatn: string;
  activityCode: string;
  kind: CardKind;
  chamberCode: string;
  issuedAt: string;
  validFrom: string;
  /** Last day of validity, inclusive. */
  validUntil: string;
  statusListIndex: number;
  iss?: string;
}

/** The claims as read from a credential. */
export interface CredentialClaims extends CardClaims {
  formatVersion: number;
  /** True when the issuer shortened the name to fit the QR (the verify page says so). */
  abbreviated: { nameAr: boolean; nameLatn: boolean };
}

export type ClaimsErrorCode = 'claims_malformed' | 'format_version_unsupported';

export class ClaimsError extends Error {
  constructor(
    readonly code: ClaimsErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const DAY_MS = 86_400_000;
/** 9999-12-31 as a day number: the largest date a claim may carry. */
const MAX_DAY = 2_932_896;
const ASCII_TOKEN = /^[\x21-\x7e]{1,24}$/;
const CANONICAL_UINT = /^[1-9][0-9]{0,14}$/;
const REGIONAL_CHAMBER = /^CA-MA-([0-9]{2})$/;

export function dateToDays(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || ms < 0 || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new ClaimsError('claims_malformed', `not a calendar date: ${date}`);
  }
  return ms / DAY_MS;
}

export function daysToDate(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** An identifier as a uint when it is a plain decimal number (shorter), otherwise as text. */
function identifierValue(field: string, value: string): number | bigint | string {
  if (!ASCII_TOKEN.test(value))
    throw new ClaimsError('claims_malformed', `${field}: 1–24 printable ASCII characters`);
  return CANONICAL_UINT.test(value) ? cborInt(Number(value)) : value;
}

function chamberValue(code: string): number | string {
  const m = REGIONAL_CHAMBER.exec(code);
  if (m) return Number(m[1]);
  if (!ASCII_TOKEN.test(code)) throw new ClaimsError('claims_malformed', 'chamberCode: printable ASCII');
  return code;
}

/** Encodes a claim set; names are normalised (normaliseName) and packed where possible. */
export function encodeClaims(
  claims: CardClaims,
  abbreviated = { nameAr: false, nameLatn: false },
): Uint8Array {
  const k = CLAIM_KEYS;
  const kind = CARD_KIND_CODES[claims.kind];
  if (kind === undefined) throw new ClaimsError('claims_malformed', `unknown kind ${claims.kind}`);
  const validFrom = dateToDays(claims.validFrom);
  const validUntil = dateToDays(claims.validUntil);
  const issuedAt = dateToDays(claims.issuedAt);
  if (validUntil < validFrom) throw new ClaimsError('claims_malformed', 'validUntil is before validFrom');
  const index = claims.statusListIndex;
  if (!Number.isInteger(index) || index < 0 || index > 0xffffffff) {
    throw new ClaimsError('claims_malformed', 'statusListIndex: 0 … 2^32 − 1');
  }
  if (!/^[\x21-\x7e]{1,24}$/.test(claims.activityCode))
    throw new ClaimsError('claims_malformed', 'activityCode');
  const names = (['nameAr', 'nameLatn'] as const).map((f) => {
    const script: NameScript = f === 'nameAr' ? 'ar' : 'latn';
    const n = normaliseName(claims[f], script);
    if (n.length === 0) throw new ClaimsError('claims_malformed', `${f} is empty`);
    return nameClaimValue(n, script);
  });
  const map = new Map<number, unknown>();
  if (claims.iss !== undefined) {
    if (!ASCII_TOKEN.test(claims.iss)) throw new ClaimsError('claims_malformed', 'iss: printable ASCII');
    map.set(k.iss, claims.iss);
  }
  map.set(k.formatVersion, CREDENTIAL_FORMAT_VERSION);
  map.set(k.serial, identifierValue('serial', claims.serial));
  map.set(k.nia, identifierValue('nia', claims.nia));
  map.set(k.nameAr, names[0]);
  map.set(k.nameLatn, names[1]);
  map.set(k.activityCode, claims.activityCode);
  map.set(k.kind, kind);
  map.set(k.chamberCode, chamberValue(claims.chamberCode));
  if (issuedAt !== validFrom) map.set(k.issuedAt, issuedAt);
  map.set(k.validFrom, validFrom);
  map.set(k.validUntil, validUntil);
  map.set(k.statusListIndex, index);
  const flags = (abbreviated.nameAr ? 1 : 0) | (abbreviated.nameLatn ? 2 : 0);
  if (flags !== 0) map.set(k.abbreviated, flags);
  return cborEncode(map);
}

const KNOWN_KEYS = new Set<CborValue>(Object.values(CLAIM_KEYS));

function fail(message: string): never {
  throw new ClaimsError('claims_malformed', message);
}

function uint(v: CborValue | undefined, field: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
    fail(`${field} must be an unsigned integer`);
  return v;
}

function text(v: CborValue | undefined, field: string): string {
  if (typeof v !== 'string' || !ASCII_TOKEN.test(v)) fail(`${field} must be printable ASCII text`);
  return v;
}

function identifier(v: CborValue | undefined, field: string): string {
  return typeof v === 'number' ? String(uint(v, field)) : text(v, field);
}

function name(v: CborValue | undefined, field: string, script: NameScript): string {
  if (v instanceof Uint8Array) {
    try {
      return unpackName(v, script);
    } catch (e) {
      fail(`${field}: ${(e as Error).message}`);
    }
  }
  if (typeof v !== 'string' || v.length === 0) fail(`${field} must be a name`);
  // Re-check the UTF-8 strictly: a lenient CBOR decoder may have replaced invalid sequences.
  if (v.includes('\ufffd')) fail(`${field} is not valid UTF-8`);
  return v;
}

export function decodeClaims(payload: Uint8Array): CredentialClaims {
  let map: CborValue;
  try {
    map = cborDecode(payload);
  } catch (e) {
    fail(`payload is not CBOR: ${(e as Error).message}`);
  }
  if (!(map instanceof Map)) fail('the payload is not a claim map');
  const version = map.get(CLAIM_KEYS.formatVersion);
  if (version !== CREDENTIAL_FORMAT_VERSION) {
    throw new ClaimsError('format_version_unsupported', `format version ${String(version)} is not supported`);
  }
  for (const key of map.keys()) if (!KNOWN_KEYS.has(key)) fail(`unknown claim key ${String(key)}`);
  const get = (key: number) => map.get(key);
  const k = CLAIM_KEYS;
  const kindCode = uint(get(k.kind), 'kind');
  const kind =
    CARD_KINDS.find((c) => CARD_KIND_CODES[c] === kindCode) ?? fail(`unknown kind code ${kindCode}`);
  const chamber = get(k.chamberCode);
  const chamberCode =
    typeof chamber === 'number'
      ? `CA-MA-${String(uint(chamber, 'chamber', 99)).padStart(2, '0')}`
      : text(chamber, 'chamber');
  const validFrom = uint(get(k.validFrom), 'validFrom', MAX_DAY);
  const validUntil = uint(get(k.validUntil), 'validUntil', MAX_DAY);
  if (validUntil < validFrom) fail('validUntil is before validFrom');
  const issuedAt = get(k.issuedAt) === undefined ? validFrom : uint(get(k.issuedAt), 'issuedAt', MAX_DAY);
  const flags = get(k.abbreviated) === undefined ? 0 : uint(get(k.abbreviated), 'abbreviated', 3);
  const claims: CredentialClaims = {
    formatVersion: version,
    serial: identifier(get(k.serial), 'serial'),
    nia: identifier(get(k.nia), 'nia'),
    nameAr: name(get(k.nameAr), 'nameAr', 'ar'),
    nameLatn: name(get(k.nameLatn), 'nameLatn', 'latn'),
    activityCode: text(get(k.activityCode), 'activityCode'),
    kind,
    chamberCode,
    issuedAt: daysToDate(issuedAt),
    validFrom: daysToDate(validFrom),
    validUntil: daysToDate(validUntil),
    statusListIndex: uint(get(k.statusListIndex), 'statusListIndex', 0xffffffff),
    abbreviated: { nameAr: (flags & 1) !== 0, nameLatn: (flags & 2) !== 0 },
  };
  const iss = get(k.iss);
  if (iss !== undefined) claims.iss = text(iss, 'iss');
  return claims;
}
