import assert from 'node:assert/strict';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { QUIET_ZONE, qrMatrix, qrPath } from '../../src/modules/cards/pdf/qr.ts';
import { sampleQrText } from './fixtures.ts';

test('the QR symbol is exactly the one the qrcode library builds (same mask choice), level Q', () => {
  const inputs = [
    sampleQrText('a'),
    sampleQrText('b').slice(0, 120),
    sampleQrText('c').slice(0, 31),
    'HTTPS://VERIFY.HIRFA.MA/C/K7Q4M2PX',
    'https://verify.hirfa.ma/c/mixed-Case?x=1', // not alphanumeric: library segmentation
    'نص عربي',
  ];
  for (let i = 0; i < 60; i++) inputs.push(sampleQrText(`n${i}`).slice(0, 60 + i * 4));
  for (const text of inputs) {
    const alnum = /^[0-9A-Z $%*+\-./:]*$/.test(text);
    const ref = alnum
      ? QRCode.create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'Q' })
      : QRCode.create(text, { errorCorrectionLevel: 'Q' });
    const m = qrMatrix(text);
    assert.equal(m.size, ref.modules.size, text);
    assert.deepEqual(Buffer.from(m.dark), Buffer.from(ref.modules.data), `modules differ for ${text}`);
  }
});

test('a ~300-character verification URL fits a version ≤ 13 symbol', () => {
  const m = qrMatrix(sampleQrText('size'));
  assert.ok(m.size <= 17 + 4 * 13, `size ${m.size}`);
  assert.equal(QUIET_ZONE, 4);
});

test('the vector path paints every dark module and nothing else', () => {
  const m = qrMatrix(sampleQrText('path'));
  const painted = new Uint8Array(m.size * m.size);
  for (const op of qrPath(m).split('\n')) {
    const [x, y, w, h] = op.split(' ').map(Number);
    assert.equal(h, 1);
    for (let k = 0; k < (w ?? 0); k++) painted[(y ?? 0) * m.size + (x ?? 0) + k] = 1;
  }
  assert.deepEqual(Buffer.from(painted), Buffer.from(m.dark));
});
