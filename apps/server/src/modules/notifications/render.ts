import type { Locale } from '@hirfa/contracts';
import ar from '@hirfa/contracts/locales/ar/messages.json' with { type: 'json' };
import en from '@hirfa/contracts/locales/en/messages.json' with { type: 'json' };
import fr from '@hirfa/contracts/locales/fr/messages.json' with { type: 'json' };
import zgh from '@hirfa/contracts/locales/zgh/messages.json' with { type: 'json' };

/** The messages a service may queue, with the parameters each one needs. */
export interface TemplateParams {
  application_submitted: { fileNumber: string; chamberName: string };
  /** `message` is the chamber's own words, shown verbatim in the e-mail. */
  application_info_requested: { fileNumber: string; message: string };
  application_resubmitted: { fileNumber: string };
  application_approved: { fileNumber: string; nia: string };
  /** `reason` is already translated into the recipient's language by the caller. */
  application_rejected: { fileNumber: string; reason: string };
  account_created: { displayName: string };
}
export type TemplateName = keyof TemplateParams;

export const TEMPLATES: readonly TemplateName[] = [
  'application_submitted',
  'application_info_requested',
  'application_resubmitted',
  'application_approved',
  'application_rejected',
  'account_created',
];

export type Channel = 'email' | 'sms';

/** What goes out: a subject for e-mail only, and plain text. */
export interface Rendered {
  subject?: string;
  text: string;
}

interface TemplateTexts {
  subject?: string;
  body?: string;
  sms?: string;
}
/** The shape of `packages/contracts/locales/<lng>/messages.json`. */
export interface MessageCatalogue {
  email?: { signature?: string };
  templates: Record<string, TemplateTexts | undefined>;
}

/** A message that cannot be rendered: a bug in the caller, so retrying will not help. */
export class RenderError extends Error {
  override name = 'RenderError';
}

export function isTemplateName(value: string): value is TemplateName {
  return (TEMPLATES as readonly string[]).includes(value);
}

function fill(text: string, params: Record<string, string | number>, what: string): string {
  // One pass: a parameter's value is inserted as is, never read again for placeholders.
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new RenderError(`${what}: missing parameter ${name}`);
    return String(value);
  });
}

/**
 * A renderer over a set of catalogues. Each text is taken in the recipient's language, or in
 * French when that language lacks it; a template the French catalogue does not know is refused.
 */
export function createRenderer(
  catalogues: Partial<Record<Locale, MessageCatalogue>> & { fr: MessageCatalogue },
) {
  return function renderMessage(
    template: string,
    locale: Locale,
    params: Record<string, string | number>,
    channel: Channel,
  ): Rendered {
    const fallback = catalogues.fr.templates[template];
    if (!isTemplateName(template) || !fallback) throw new RenderError(`unknown template ${template}`);
    const own = catalogues[locale]?.templates[template];
    const pick = (key: keyof TemplateTexts): string => {
      const text = own?.[key] ?? fallback[key];
      if (text === undefined) throw new RenderError(`${template}: no ${key} text`);
      return text;
    };
    const what = `${template}.${locale}`;
    if (channel === 'sms') return { text: fill(pick('sms'), params, what) };
    const signature = catalogues[locale]?.email?.signature ?? catalogues.fr.email?.signature;
    const body = fill(pick('body'), params, what);
    return {
      // A subject is one header line, whatever a parameter holds.
      subject: fill(pick('subject'), params, what).replace(/\s*[\r\n]+\s*/g, ' '),
      text: signature ? `${body}\n\n${fill(signature, params, what)}` : body,
    };
  };
}

/** Renders a queued message from the catalogues in `packages/contracts/locales`. */
export const render = createRenderer({ ar, fr, en, zgh });
