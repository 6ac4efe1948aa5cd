// The card QR as an image: render at level Q, read it back with two unrelated decoders (jsQR and
// zbar), verify what they read, and check that damaged images are either still read correctly or
// reported as unreadable / damaged — never valid with other claims.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { issueCardQr, verifyCredential } from '../../../../packages/contracts/src/credential/index.ts';
import {
  LONG_NAMES,
  resolverFor,
  SAMPLE_CLAIMS,
  TEST_BASE_URL,
  testKey,
} from '../../../../packages/contracts/src/credential/test-fixtures.ts';
import {
  blur,
  coverCorner,
  decodeWithJsQr,
  decodeWithZbar,
  lowContrast,
  renderQr,
  rotate,
  rotate90,
} from './qr-images.ts';

const key = testKey(41);
const now = new Date('2026-03-01T00:00:00Z');
// The densest card: the issue's long names, version 12.
const issued = issueCardQr({ ...SAMPLE_CLAIMS, ...LONG_NAMES.example }, key, TEST_BASE_URL);
const zbarInstalled = spawnSync('zbarimg', ['--version']).status === 0;

const decoders = { jsQR: decodeWithJsQr, zbar: decodeWithZbar };

function outcome(text: string | null): 'unreadable' | 'valid' | 'damaged' | string {
  if (text === null) return 'unreadable';
  const r = verifyCredential(text, { resolveKey: resolverFor([key, 'active']), now });
  if (r.verdict === 'valid') {
    // Never valid-but-wrong: whatever a decoder read, valid means these exact claims.
    assert.deepEqual(r.claims, issued.claims);
    return 'valid';
  }
  return r.verdict;
}

test('the card QR is version 12 at level Q and both decoders read it exactly', {
  skip: !zbarInstalled && 'zbarimg missing',
}, async () => {
  assert.equal(QRCode.create(issued.qrText, { errorCorrectionLevel: 'Q' }).version, 12);
  const png = await renderQr(issued.qrText);
  for (const [name, decodeImage] of Object.entries(decoders)) {
    assert.equal(decodeImage(png), issued.qrText, name);
    assert.equal(outcome(decodeImage(png)), 'valid', name);
  }
});

test('damaged images are read correctly or reported unreadable, never valid-but-wrong', {
  skip: !zbarInstalled && 'zbarimg missing',
}, async (t) => {
  const png = await renderQr(issued.qrText);
  const variants = {
    'blur r=2': blur(png, 2),
    'blur r=4': blur(png, 4),
    'rotated 90°': rotate90(png),
    'rotated 7°': rotate(png, 7),
    'rotated 30°': rotate(png, 30),
    'low contrast (black 110, white 160)': lowContrast(png, 110, 160),
    'very low contrast (black 140, white 160)': lowContrast(png, 140, 160),
    'corner covered, data (10×10 modules)': coverCorner(png, 'bottom-right', 10, 255),
    'corner covered, finder (9×9 modules)': coverCorner(png, 'top-left', 9, 0),
  };
  const rows: string[] = ['| image | jsQR | zbar |', '|---|---|---|'];
  for (const [label, image] of Object.entries(variants)) {
    const results = Object.values(decoders).map((decodeImage) => outcome(decodeImage(image)));
    for (const r of results) assert.ok(['valid', 'unreadable', 'damaged'].includes(r), `${label}: ${r}`);
    rows.push(`| ${label} | ${results.join(' | ')} |`);
  }
  t.diagnostic(`\n${rows.join('\n')}`);
  // Mild damage must not stop a scan: at least one decoder reads each of these.
  for (const label of ['blur r=2', 'rotated 90°', 'rotated 7°', 'low contrast (black 110, white 160)']) {
    const image = variants[label as keyof typeof variants];
    const read = Object.values(decoders).map((decodeImage) => outcome(decodeImage(image)));
    assert.ok(read.includes('valid'), `${label}: ${read.join(', ')}`);
  }
});
