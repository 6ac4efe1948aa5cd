import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkCharacter,
  DEFAULT_NIA_FORMAT,
  displayNia,
  formatNia,
  parseNia,
  validateNiaFormat,
} from './nia.ts';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

test('the default format: year, region, 7-digit national sequence, check character', () => {
  const nia = formatNia(DEFAULT_NIA_FORMAT, { year: 2026, regionCode: 'MA-06', seq: 123 });
  assert.match(nia, /^26060000123[0-9A-Z]$/);
  assert.equal(parseNia(nia), nia);
  assert.equal(parseNia(` ${displayNia(nia).toLowerCase()} `), nia, 'typed with spaces and lower case');
  assert.equal(displayNia('26060000123K'), '2606 0000 123K');
});

test('every single mistyped character and every swap of neighbours is caught', () => {
  for (let seq = 1; seq < 400; seq += 7) {
    const nia = formatNia(DEFAULT_NIA_FORMAT, { year: 2026, regionCode: 'MA-09', seq });
    for (let i = 0; i < nia.length; i++) {
      for (const c of ALNUM) {
        if (c === nia[i]) continue;
        const typo = nia.slice(0, i) + c + nia.slice(i + 1);
        assert.equal(parseNia(typo), null, `substitution ${typo}`);
      }
      if (i + 1 < nia.length && nia[i] !== nia[i + 1]) {
        const swapped = nia.slice(0, i) + nia[i + 1] + nia[i] + nia.slice(i + 2);
        assert.equal(parseNia(swapped), null, `transposition ${swapped}`);
      }
    }
  }
});

test('the check character is alphanumeric and known vectors hold', () => {
  // ISO 7064 MOD 37,36 example (also used by python-stdnum): A12425GABC1234002 → check M.
  assert.equal(checkCharacter('A12425GABC1234002'), 'M');
  for (let i = 0; i < 200; i++) assert.match(checkCharacter(String(i).padStart(6, '0')), /^[0-9A-Z]$/);
});

test('formats are configurable and checked', () => {
  assert.match(
    formatNia('RNA{yyyy}{seq:8}', { year: 2027, regionCode: 'MA-01', seq: 5 }),
    /^RNA202700000005[0-9A-Z]$/,
  );
  assert.doesNotThrow(() => validateNiaFormat(DEFAULT_NIA_FORMAT));
  assert.throws(() => validateNiaFormat('{yy}{seq:3}'), /N ≥ 5/);
  assert.throws(() => validateNiaFormat('{yy}-{seq:7}'), /unknown/);
  assert.throws(() => formatNia('{seq:5}', { year: 2026, regionCode: 'MA-01', seq: 123456 }), /exhausted/);
});
