import type { Locale } from '@hirfa/contracts';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../platform/config.ts';
import { DeliveryError, maskEmail } from './delivery-error.ts';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  locale: Locale;
  template: string;
}

/** Sends one e-mail. Rejects with a DeliveryError whose message holds no personal data. */
export interface EmailSender {
  readonly kind: 'smtp' | 'log';
  send(mail: OutgoingEmail): Promise<void>;
}

const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

function checkAddress(address: string): void {
  if (!ADDRESS.test(address)) throw new DeliveryError('email: not an e-mail address', true);
}

/** An SMTP transport from `SMTP_URL` (smtp:// or smtps://), created once and reused. */
export function createSmtpSender(smtpUrl: string, from: string): EmailSender {
  const transport = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    kind: 'smtp',
    async send(mail) {
      checkAddress(mail.to);
      try {
        await transport.sendMail({
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          headers: { 'Content-Language': mail.locale },
        });
      } catch (err) {
        // Keep the error code and the SMTP reply code only: the reply text may quote the address.
        const { code, responseCode } = err as { code?: unknown; responseCode?: unknown };
        const parts = ['email:', typeof code === 'string' ? code : 'error'];
        if (typeof responseCode === 'number') parts.push(String(responseCode));
        throw new DeliveryError(parts.join(' '));
      }
    },
  };
}

/** Development: one log line per e-mail, with the address masked and without the text. */
export function createLogEmailSender(log: Logger): EmailSender {
  return {
    kind: 'log',
    async send(mail) {
      checkAddress(mail.to);
      log.info(`email to ${maskEmail(mail.to)}, template ${mail.template}, locale ${mail.locale} (not sent)`);
    },
  };
}

export function createEmailSender(config: Config, log: Logger): EmailSender {
  return config.smtpUrl ? createSmtpSender(config.smtpUrl, config.smtpFrom) : createLogEmailSender(log);
}
