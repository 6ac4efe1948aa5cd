import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeCin } from './cin.ts';

test('normalizeCin accepts the usual shapes and legacy noise', () => {
  assert.equal(normalizeCin('A123456'), 'A123456');
  assert.equal(normalizeCin(' bk 12345 '), 'BK12345');
  assert.equal(normalizeCin('be-123-456'), 'BE123456');
  assert.equal(normalizeCin('J.B/98765'), 'JB98765');
  assert.equal(normalizeCin('Ａ１２３４５'), 'A12345');
  assert.equal(normalizeCin('EE٤٥٦٧٨٩'), 'EE456789');
});

test('normalizeCin rejects what is not a CIN', () => {
  for (const bad of ['', '   ', '123456', 'ABC12345', 'A1234567', 'A12B45', 'ب123456', null, undefined]) {
    assert.equal(normalizeCin(bad), null, String(bad));
  }
});
