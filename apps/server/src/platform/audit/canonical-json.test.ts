import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GENESIS_HASH, hashEvent } from './audit.ts';
import { canonicalJson } from './canonical-json.ts';

test('canonical JSON sorts keys at every depth and drops undefined', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } }),
    '{"a":{"d":[2,{"y":null,"z":1}]},"b":1}',
  );
  assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
  assert.equal(canonicalJson('حرفة'), '"حرفة"');
});

test('an event hash depends on every field and on the previous hash', () => {
  const fields = {
    at: new Date('2026-11-29T03:00:00.000Z'),
    actorId: null,
    actorRole: 'system',
    chamberCode: null,
    action: 'reference.load',
    targetType: 'reference',
    targetId: 'regions',
    requestId: null,
    ip: null,
    changes: { rows: 12 },
  };
  const h = hashEvent(GENESIS_HASH, fields);
  assert.match(h, /^[0-9a-f]{64}$/);
  assert.equal(hashEvent(GENESIS_HASH, { ...fields }), h);
  assert.notEqual(hashEvent('1'.repeat(64), fields), h);
  assert.notEqual(hashEvent(GENESIS_HASH, { ...fields, changes: { rows: 13 } }), h);
  assert.notEqual(hashEvent(GENESIS_HASH, { ...fields, at: new Date('2026-11-29T03:00:00.001Z') }), h);
});
