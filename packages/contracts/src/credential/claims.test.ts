import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHex } from './bytes.ts';
import { cborDecode, cborEncode, cborInt } from './cbor.ts';
import { ClaimsError, CLAIM_KEYS, dateToDays, daysToDate, decodeClaims, encodeClaims } from './claims.ts';
import { SAMPLE_CLAIMS } from './test-fixtures.ts';

const normalised = { ...SAMPLE_CLAIMS, nameLatn: 'FATIMA ZAHRA BENNANI' };

test('claims round-trip, names normalised', () => {
  const claims = decodeClaims(encodeClaims(SAMPLE_CLAIMS));
  assert.deepEqual(claims, {
    ...normalised,
    formatVersion: 1,
    abbreviated: { nameAr: false, nameLatn: false },
  });
});

test('the claim map uses small integer keys in deterministic order', () => {
  const map = cborDecode(
    encodeClaims({ ...SAMPLE_CLAIMS, iss: 'MA', issuedAt: '2025-09-20' }, { nameAr: false, nameLatn: true }),
  );
  assert.ok(map instanceof Map);
  assert.deepEqual([...map.keys()], [1, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13]);
  assert.equal(map.get(CLAIM_KEYS.serial), 25060001234); // digits → uint
  assert.equal(map.get(CLAIM_KEYS.nia), '0612345678'); // leading zero → text
  assert.equal(map.get(CLAIM_KEYS.chamberCode), 6);
  assert.equal(map.get(CLAIM_KEYS.kind), 1);
  assert.ok(map.get(CLAIM_KEYS.nameAr) instanceof Uint8Array);
  assert.equal(map.get(CLAIM_KEYS.validFrom), dateToDays('2025-09-26'));
  assert.equal(map.get(CLAIM_KEYS.abbreviated), 2);
});

test('issuedAt is omitted when it equals validFrom', () => {
  const map = cborDecode(encodeClaims(SAMPLE_CLAIMS));
  assert.ok(map instanceof Map && !map.has(CLAIM_KEYS.issuedAt));
  assert.equal(decodeClaims(encodeClaims(SAMPLE_CLAIMS)).issuedAt, SAMPLE_CLAIMS.validFrom);
});

test('dates are whole days since 1970-01-01', () => {
  assert.equal(dateToDays('1970-01-01'), 0);
  assert.equal(dateToDays('2025-09-26'), 20357);
  assert.equal(daysToDate(20357), '2025-09-26');
  for (const bad of ['2025-02-30', '2025-9-26', '1969-12-31', 'x'])
    assert.throws(() => dateToDays(bad), ClaimsError);
});

test('other chamber codes and kinds', () => {
  const c = decodeClaims(
    encodeClaims({ ...SAMPLE_CLAIMS, chamberCode: 'FCA-MA', kind: 'cooperative', serial: 'C-06/2025-0001' }),
  );
  assert.equal(c.chamberCode, 'FCA-MA');
  assert.equal(c.kind, 'cooperative');
  assert.equal(c.serial, 'C-06/2025-0001');
  assert.equal(
    decodeClaims(encodeClaims({ ...SAMPLE_CLAIMS, chamberCode: 'CA-MA-12' })).chamberCode,
    'CA-MA-12',
  );
  assert.equal(
    decodeClaims(encodeClaims({ ...SAMPLE_CLAIMS, kind: 'master_artisan' })).kind,
    'master_artisan',
  );
  assert.equal(
    decodeClaims(encodeClaims({ ...SAMPLE_CLAIMS, serial: '9007199254740991' })).serial,
    '9007199254740991',
  );
});

test('the encoder refuses claims it could not write faithfully', () => {
  const bad: Partial<typeof SAMPLE_CLAIMS>[] = [
    { serial: '' },
    { nia: 'with space' },
    { validUntil: '2025-01-01' },
    { statusListIndex: -1 },
    { statusListIndex: 1.5 },
    { nameAr: '   ' },
    { activityCode: 'é' },
  ];
  for (const b of bad)
    assert.throws(() => encodeClaims({ ...SAMPLE_CLAIMS, ...b }), ClaimsError, JSON.stringify(b));
});

test('the decoder refuses unknown versions and keys, and wrong types', () => {
  const map = cborDecode(encodeClaims(SAMPLE_CLAIMS)) as Map<number, unknown>;
  const variant = (edit: (m: Map<number, unknown>) => void) => {
    const m = new Map(map);
    edit(m);
    return cborEncode(new Map([...m].map(([k, v]) => [k, typeof v === 'number' ? cborInt(v) : v])));
  };
  const code = (bytes: Uint8Array) => {
    try {
      decodeClaims(bytes);
      return 'ok';
    } catch (e) {
      return (e as ClaimsError).code;
    }
  };
  assert.equal(code(variant((m) => m.set(-1, 2))), 'format_version_unsupported');
  assert.equal(code(variant((m) => m.delete(-1))), 'format_version_unsupported');
  assert.equal(code(variant((m) => m.set(-14, 0))), 'claims_malformed');
  assert.equal(code(variant((m) => m.set(-7, 9))), 'claims_malformed');
  assert.equal(code(variant((m) => m.set(-8, 100))), 'claims_malformed');
  assert.equal(code(variant((m) => m.delete(-2))), 'claims_malformed');
  assert.equal(code(variant((m) => m.set(-11, 1))), 'claims_malformed'); // ends before it starts
  assert.equal(code(variant((m) => m.set(-4, new Uint8Array([0, 0])))), 'claims_malformed');
  assert.equal(code(new Uint8Array([0x80])), 'claims_malformed');
  assert.equal(toHex(encodeClaims(SAMPLE_CLAIMS)).slice(0, 4), 'ab20'); // a map of 11, then key -1
});
