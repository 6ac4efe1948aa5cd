import assert from 'node:assert/strict';
import { test } from 'node:test';
import ar from '@hirfa/contracts/locales/ar/messages.json' with { type: 'json' };
import en from '@hirfa/contracts/locales/en/messages.json' with { type: 'json' };
import fr from '@hirfa/contracts/locales/fr/messages.json' with { type: 'json' };
import zgh from '@hirfa/contracts/locales/zgh/messages.json' with { type: 'json' };
import { type DeliveryError, describeFailure, maskEmail, maskPhone } from './delivery-error.ts';
import { createRenderer, type MessageCatalogue, RenderError, render, TEMPLATES } from './render.ts';
import { smsEncoding, smsSegments, toE164 } from './sms.ts';

const SAMPLE = {
  fileNumber: 'CA-MA-06/2026/000123',
  chamberName: "Chambre d'artisanat de la région Casablanca-Settat",
  message: 'Merci de joindre une copie lisible de votre CIN. Ne recopiez pas {{nia}}.',
  nia: '260600001234',
  reason: 'Activité hors nomenclature',
  displayName: 'Fatima Zahra Bennani',
  portalUrl: 'https://www.hirfa.gov.ma',
};
const LOCALES = ['ar', 'fr', 'en', 'zgh'] as const;
const placeholders = (s: string | undefined) =>
  [...(s ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

test('every template renders in every language; fr/en SMS are one GSM-7 SMS, ar/zgh at most 2 UCS-2 parts', () => {
  for (const template of TEMPLATES) {
    for (const locale of LOCALES) {
      const email = render(template, locale, SAMPLE, 'email');
      const sms = render(template, locale, SAMPLE, 'sms');
      const leftover = `${email.subject} ${email.text.replace(SAMPLE.message, '')} ${sms.text}`;
      assert.doesNotMatch(leftover, /\{\{|\}\}/, `${template}.${locale}`);
      assert.equal(sms.subject, undefined);
      const size = smsSegments(sms.text);
      if (locale === 'fr' || locale === 'en') {
        assert.equal(size.encoding, 'GSM-7', `${template}.${locale}: ${sms.text}`);
        assert.equal(size.segments, 1, `${template}.${locale} SMS is ${size.units} characters`);
      } else {
        assert.equal(size.encoding, 'UCS-2');
        assert.ok(size.segments <= 2, `${template}.${locale} SMS is ${size.units} UCS-2 units`);
      }
    }
  }
});

test('every catalogue has every text with the placeholders of the French one', () => {
  const catalogues: Record<string, MessageCatalogue> = { ar, en, zgh };
  for (const [locale, catalogue] of Object.entries(catalogues)) {
    assert.deepEqual(placeholders(catalogue.email?.signature), ['portalUrl']);
    for (const template of TEMPLATES) {
      for (const key of ['subject', 'body', 'sms'] as const) {
        const text = catalogue.templates[template]?.[key];
        assert.ok(text, `${locale} ${template}.${key} is missing`);
        assert.deepEqual(
          placeholders(text),
          placeholders(fr.templates[template][key]),
          `${locale} ${template}.${key}`,
        );
      }
    }
  }
});

test('a missing text falls back to French; unknown templates and missing parameters are refused', () => {
  const partial = createRenderer({ fr, ar: { templates: { account_created: { subject: 'مرحبا' } } } });
  const out = partial('account_created', 'ar', SAMPLE, 'email');
  assert.equal(out.subject, 'مرحبا');
  assert.match(out.text, /^Bonjour Fatima Zahra Bennani,/);
  assert.throws(() => render('no_such_template', 'fr', SAMPLE, 'email'), RenderError);
  assert.throws(
    () => render('application_approved', 'fr', { fileNumber: 'X' }, 'sms'),
    /missing parameter nia/,
  );
  // The chamber's words go in verbatim: never read again for placeholders, one line in a subject.
  assert.match(
    render('application_info_requested', 'fr', SAMPLE, 'email').text,
    /Ne recopiez pas \{\{nia\}\}\./,
  );
  const subject = render(
    'application_approved',
    'fr',
    { ...SAMPLE, fileNumber: 'A\r\nBcc: x@y.ma' },
    'email',
  ).subject;
  assert.equal(subject, 'Hirfa : votre demande A Bcc: x@y.ma est acceptée');
});

test('SMS encoding and length: GSM-7 with its extension table, else UCS-2', () => {
  assert.equal(smsEncoding('Hirfa : demande acceptée, à bientôt'), 'UCS-2', 'ô is not GSM-7');
  assert.deepEqual(smsSegments('é'.repeat(160)), { encoding: 'GSM-7', units: 160, segments: 1 });
  assert.deepEqual(smsSegments('€'.repeat(81)), { encoding: 'GSM-7', units: 162, segments: 2 });
  assert.deepEqual(smsSegments('ح'.repeat(70)), { encoding: 'UCS-2', units: 70, segments: 1 });
  assert.deepEqual(smsSegments('ⵃ'.repeat(135)), { encoding: 'UCS-2', units: 135, segments: 3 });
});

test('numbers and addresses: E.164, masks, and errors without personal data', () => {
  assert.equal(toE164('+212612345678'), '+212612345678');
  assert.equal(toE164('06 12 34 56 78'), '+212612345678');
  assert.throws(
    () => toE164('12345'),
    (e: DeliveryError) => e.permanent && e.message === 'sms: not a phone number',
  );
  assert.equal(maskPhone('+212612345678'), '+2126******78');
  assert.equal(maskEmail('jamal.idrissi@example.ma'), 'j***@example.ma');
  const smtpError = Object.assign(new Error('550 <jamal.idrissi@example.ma>: no such user'), {
    code: 'EENVELOPE',
  });
  assert.deepEqual(describeFailure(smtpError), { error: 'unexpected EENVELOPE', permanent: false });
  assert.deepEqual(describeFailure(new RenderError('unknown template x')), {
    error: 'render: unknown template x',
    permanent: true,
  });
});
