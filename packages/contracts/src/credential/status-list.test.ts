import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromBase64url, toBase64url } from './bytes.ts';
import { signStatusList, type StatusDocumentError, verifyStatusListDocument } from './status-document.ts';
import {
  BitstringStatusList,
  decodeStatusList,
  encodeStatusList,
  MIN_STATUS_LIST_SIZE,
  StatusListError,
  type StatusPurpose,
} from './status-list.ts';
import { resolverFor, testKey } from './test-fixtures.ts';

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

test('a new list has 131,072 clear bits; set and get at both ends', () => {
  const list = new BitstringStatusList();
  assert.equal(list.size, MIN_STATUS_LIST_SIZE);
  assert.equal(list.bytes.length, 16_384);
  for (const i of [0, 1, 7, 8, 70_123, 131_071]) assert.equal(list.get(i), false);
  list.set(0, true);
  list.set(131_071, true);
  assert.equal(list.get(0), true);
  assert.equal(list.get(131_071), true);
  assert.equal(list.get(1), false);
  assert.equal(list.bytes[0], 0x80); // index 0 is the left-most bit
  assert.equal(list.bytes[16_383], 0x01);
  list.set(0, false);
  assert.equal(list.get(0), false);
  assert.throws(() => list.get(131_072), StatusListError);
  assert.throws(() => list.set(-1, true), StatusListError);
  assert.throws(() => new BitstringStatusList(1000), StatusListError);
});

test('encodedList is "u" + base64url(gzip(bits)) and decodes back', async () => {
  const list = new BitstringStatusList(MIN_STATUS_LIST_SIZE * 2);
  for (const i of [0, 5, 131_071, 262_143]) list.set(i, true);
  const encoded = await encodeStatusList(list);
  assert.ok(encoded.startsWith('uH4sI')); // multibase u, then the gzip magic 1f 8b 08
  assert.ok(encoded.length < 1000);
  const back = await decodeStatusList(encoded);
  assert.equal(back.size, 262_144);
  assert.deepEqual(back.bytes, list.bytes);
});

test('decoding refuses malformed, short and oversized lists', async () => {
  const short = `u${toBase64url(await gzip(new Uint8Array(1024)))}`;
  const bomb = `u${toBase64url(await gzip(new Uint8Array(8 * 1024 * 1024)))}`;
  for (const bad of ['H4sIAAAA', 'u!!!!', `u${toBase64url(new Uint8Array([1, 2, 3]))}`, short, bomb]) {
    await assert.rejects(decodeStatusList(bad), StatusListError);
  }
});

test('a signed status document verifies, and every defect is named', async () => {
  const key = testKey(11);
  const list = new BitstringStatusList();
  list.set(42, true);
  const issued = new Date('2026-01-05T00:00:00Z');
  const validUntil = new Date('2026-01-06T00:00:00Z');
  const doc = await signStatusList(
    { chamber: 'CA-MA-06', purpose: 'revocation', list, issued, validUntil },
    key,
  );
  assert.equal(doc.issued, '2026-01-05T00:00:00Z');
  assert.equal(fromBase64url(doc.sig).length, 64);
  const options = {
    resolveKey: resolverFor([key, 'active']),
    now: new Date('2026-01-05T12:00:00Z'),
    chamber: 'CA-MA-06',
    purpose: 'revocation' as StatusPurpose,
  };
  const ok = await verifyStatusListDocument(JSON.parse(JSON.stringify(doc)), options);
  assert.equal(ok.list.get(42), true);
  assert.equal(ok.chamber, 'CA-MA-06');
  assert.equal(
    (await verifyStatusListDocument(doc, { ...options, resolveKey: resolverFor([key, 'retired']) })).kid,
    key.kid,
  );

  const code = async (d: unknown, o = options) => {
    try {
      await verifyStatusListDocument(d, o);
      return 'ok';
    } catch (e) {
      return (e as StatusDocumentError).code;
    }
  };
  assert.equal(await code({ ...doc, chamber: 'CA-MA-07' }), 'status_list_mismatch');
  assert.equal(await code(doc, { ...options, purpose: 'suspension' }), 'status_list_mismatch');
  assert.equal(await code({ ...doc, validUntil: '2026-02-06T00:00:00Z' }), 'status_list_signature_invalid');
  const other = await signStatusList(
    { chamber: 'CA-MA-06', purpose: 'revocation', list: new BitstringStatusList(), issued, validUntil },
    key,
  );
  assert.equal(await code({ ...doc, encodedList: other.encodedList }), 'status_list_signature_invalid');
  assert.equal(
    await code(doc, { ...options, resolveKey: resolverFor([key, 'compromised']) }),
    'status_list_key_compromised',
  );
  assert.equal(await code(doc, { ...options, resolveKey: resolverFor() }), 'status_list_unknown_key');
  assert.equal(await code(doc, { ...options, now: new Date('2026-01-07T00:00:00Z') }), 'status_list_expired');
  assert.equal(
    await code(doc, { ...options, now: new Date('2026-01-04T00:00:00Z') }),
    'status_list_not_yet_valid',
  );
  assert.equal(await code({ ...doc, extra: 1 }), 'status_list_invalid');
  assert.equal(await code({ ...doc, v: 2 }), 'status_list_invalid');
  assert.equal(await code(null), 'status_list_invalid');
});
