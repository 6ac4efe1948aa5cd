import type { ApplicationPayload, RegistrantKind } from '@hirfa/contracts';

/** What every part of the application form receives, in the wizard and at the counter alike. */
export interface SectionProps {
  payload: ApplicationPayload;
  kind: RegistrantKind;
  /** Field path (`person.cin`) → message to show under the field. */
  errors: Record<string, string>;
  onChange: (path: string, value: unknown) => void;
  /** `lg` in the artisan's portal (phone, big targets), `sm` at the counter (keyboard, dense). */
  size: 'sm' | 'lg';
}
