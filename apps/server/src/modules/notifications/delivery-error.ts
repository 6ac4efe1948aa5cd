import { RenderError } from './render.ts';

/**
 * A message that could not be sent. Its message is short and holds no personal data (no address,
 * number, name or text): it is stored in `outbox.last_error` and logged. `permanent` means that
 * trying again cannot help (a malformed number, an unknown template).
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

const MAX_ERROR_LENGTH = 120;

/**
 * What to store about a failure. Only our own DeliveryError and RenderError messages are kept;
 * anything else is reduced to its error code, since libraries put addresses in their messages.
 */
export function describeFailure(err: unknown): { error: string; permanent: boolean } {
  if (err instanceof DeliveryError)
    return { error: err.message.slice(0, MAX_ERROR_LENGTH), permanent: err.permanent };
  if (err instanceof RenderError)
    return { error: `render: ${err.message}`.slice(0, MAX_ERROR_LENGTH), permanent: true };
  const code = (err as { code?: unknown } | null)?.code;
  return { error: `unexpected ${typeof code === 'string' ? code.slice(0, 40) : 'error'}`, permanent: false };
}

/** `jamal.idrissi@example.ma` → `j***@example.ma`. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

/** `+212612345678` → `+2126******78`: the country and network stay readable, the person does not. */
export function maskPhone(phone: string): string {
  if (phone.length < 9) return '***';
  return `${phone.slice(0, 5)}${'*'.repeat(phone.length - 7)}${phone.slice(-2)}`;
}
