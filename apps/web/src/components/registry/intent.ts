import { NetworkError } from '../../lib/api.ts';

function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; a counter reached over plain http on a LAN still works.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One idempotency key per user intention. The same request sent again after the network failed
 * reuses its key, so the server applies it once; a different request, or one the server answered,
 * gets a new key.
 */
export class Intent {
  private pending: { body: string; key: string } | null = null;

  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.pending?.body !== text) this.pending = { body: text, key: randomKey() };
    return this.pending.key;
  }

  /** Call with the outcome: only a request that may not have arrived keeps its key. */
  settle(error?: unknown): void {
    if (!(error instanceof NetworkError)) this.pending = null;
  }

  async run<T>(body: unknown, send: (idempotencyKey: string) => Promise<T>): Promise<T> {
    const key = this.keyFor(body);
    try {
      const result = await send(key);
      this.settle();
      return result;
    } catch (error) {
      this.settle(error);
      throw error;
    }
  }
}
