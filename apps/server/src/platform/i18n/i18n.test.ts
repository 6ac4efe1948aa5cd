import assert from 'node:assert/strict';
import { test } from 'node:test';
import ar from '@hirfa/contracts/locales/ar/errors.json' with { type: 'json' };
import en from '@hirfa/contracts/locales/en/errors.json' with { type: 'json' };
import fr from '@hirfa/contracts/locales/fr/errors.json' with { type: 'json' };
import zgh from '@hirfa/contracts/locales/zgh/errors.json' with { type: 'json' };
import { localName, negotiateLocale, translate } from './i18n.ts';

const flatten = (o: Record<string, Record<string, string>>) =>
  Object.entries(o).flatMap(([section, entries]) =>
    Object.entries(entries).map(([k, v]) => [`${section}.${k}`, v] as [string, string]),
  );

test('every error message exists, non-empty, in all four languages with the same placeholders', () => {
  const reference = new Map(flatten(fr));
  for (const [name, cat] of Object.entries({ ar, en, zgh })) {
    const entries = new Map(flatten(cat));
    assert.deepEqual([...entries.keys()].sort(), [...reference.keys()].sort(), `${name} keys differ from fr`);
    for (const [key, text] of entries) {
      assert.ok(text.trim().length > 0, `${name}:${key} is empty`);
      const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(holes(text), holes(reference.get(key) ?? ''), `${name}:${key} placeholders`);
    }
  }
});

test('Amazigh messages are written in Tifinagh, Arabic ones in Arabic script', () => {
  for (const [key, text] of flatten(zgh)) {
    assert.match(text, /[\u2D30-\u2D7F]/, `zgh:${key} has no Tifinagh letter`);
  }
  for (const [key, text] of flatten(ar)) {
    assert.match(text, /[\u0600-\u06FF]/, `ar:${key} has no Arabic letter`);
  }
});

test('translate fills placeholders and falls back to the key for unknown codes', () => {
  assert.equal(
    translate('fr', 'codes.AUTH_THROTTLED', { minutes: 3 }),
    'Trop de tentatives de connexion : réessayez dans 3 minute(s)',
  );
  assert.equal(translate('en', 'codes.NO_SUCH_CODE'), 'codes.NO_SUCH_CODE');
});

test('negotiateLocale: explicit, then Accept-Language by weight, then preference, then Arabic', () => {
  assert.equal(negotiateLocale(undefined), 'ar');
  assert.equal(negotiateLocale('fr-FR,fr;q=0.9,en;q=0.8'), 'fr');
  assert.equal(negotiateLocale('de-DE,en;q=0.5,fr;q=0.7'), 'fr');
  assert.equal(negotiateLocale('zgh-Tfng-MA'), 'zgh');
  assert.equal(negotiateLocale('tzm'), 'zgh');
  assert.equal(negotiateLocale('en', 'ar'), 'ar');
  assert.equal(negotiateLocale('de', undefined, 'fr'), 'fr');
  assert.equal(negotiateLocale('fr;q=0', undefined, undefined), 'ar');
  assert.equal(negotiateLocale('xx', 'not-a-locale', 'nope'), 'ar');
});

test('localName picks the reader’s script and falls back to French', () => {
  const names = { ar: 'فاس - مكناس', fr: 'Fès-Meknès', en: 'Fez-Meknes' };
  assert.equal(localName('ar', names), 'فاس - مكناس');
  assert.equal(localName('en', names), 'Fez-Meknes');
  assert.equal(localName('zgh', names), 'Fès-Meknès');
  assert.equal(localName('en', { ar: 'ا', fr: 'Rabat' }), 'Rabat');
});
