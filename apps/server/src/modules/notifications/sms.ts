import type { Locale } from '@hirfa/contracts';
import type { Logger } from 'pino';
import type { Config } from '../../platform/config.ts';
import { DeliveryError, maskPhone } from './delivery-error.ts';

/** A phone number in E.164 form: `+` then the country code and the number, digits only. */
export type E164 = `+${string}`;
export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** Sends one text message. Rejects with a DeliveryError whose message holds no personal data. */
export interface SmsGateway {
  readonly kind: 'http' | 'log';
  send(to: E164, text: string, locale: Locale): Promise<void>;
}

export const SMS_TIMEOUT_MS = 10_000;

// GSM 03.38: the basic set (one septet each) and the extension set (two septets each).
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

/** GSM-7 when every character has a septet, else UCS-2 (Arabic and Tifinagh always are). */
export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENDED.has(ch)) return 'UCS-2';
  return 'GSM-7';
}

/** How many SMS a text costs: 160/153 septets per part in GSM-7, 70/67 UTF-16 units in UCS-2. */
export function smsSegments(text: string): { encoding: SmsEncoding; units: number; segments: number } {
  const encoding = smsEncoding(text);
  const units =
    encoding === 'GSM-7' ? [...text].reduce((n, ch) => n + (GSM_EXTENDED.has(ch) ? 2 : 1), 0) : text.length;
  const [single, part] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  return { encoding, units, segments: units <= single ? 1 : Math.ceil(units / part) };
}

/** Accepts E.164, or a Moroccan number in national form (06…, 07…, 05…). */
export function toE164(phone: string): E164 {
  const compact = phone.replace(/[\s.-]/g, '');
  if (/^\+[1-9][0-9]{7,14}$/.test(compact)) return compact as E164;
  if (/^0[5-7][0-9]{8}$/.test(compact)) return `+212${compact.slice(1)}`;
  throw new DeliveryError('sms: not a phone number', true);
}

/** The gateway of production: POST JSON `{ to, text, encoding }`, bearer token when configured. */
export function createHttpSmsGateway(url: string, token: string | undefined): SmsGateway {
  return {
    kind: 'http',
    async send(to, text) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify({ to, text, encoding: smsEncoding(text) }),
          signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
        });
      } catch (err) {
        const name = err instanceof Error ? err.name : '';
        if (name === 'TimeoutError' || name === 'AbortError') throw new DeliveryError('sms: timeout');
        const code = (err as { cause?: { code?: unknown } }).cause?.code;
        throw new DeliveryError(`sms: network ${typeof code === 'string' ? code : 'error'}`);
      }
      // The gateway's answer is not read: it may echo the number or the text.
      await res.body?.cancel();
      if (!res.ok) throw new DeliveryError(`sms: HTTP ${res.status}`);
    },
  };
}

/** Development: one log line per SMS, with the number masked and without the text. */
export function createLogSmsGateway(log: Logger): SmsGateway {
  return {
    kind: 'log',
    async send(to, text, locale) {
      const { encoding, segments } = smsSegments(text);
      log.info(`sms to ${maskPhone(to)}, locale ${locale}, ${segments} segment(s) ${encoding} (not sent)`);
    },
  };
}

export function createSmsGateway(config: Config, log: Logger): SmsGateway {
  return config.smsGatewayUrl
    ? createHttpSmsGateway(config.smsGatewayUrl, config.smsGatewayToken)
    : createLogSmsGateway(log);
}
