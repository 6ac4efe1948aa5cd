import {
  IconAlertTriangle,
  IconBan,
  IconCalendarClock,
  IconCalendarX,
  IconCircleCheck,
  IconCloudOff,
  IconHelpCircle,
  IconKeyOff,
  IconPlayerPause,
  IconQrcode,
  IconShieldX,
} from '@tabler/icons-react';
import type { Outcome } from './outcome.ts';

const ICONS: Record<Outcome, typeof IconCircleCheck> = {
  valid: IconCircleCheck,
  valid_unchecked: IconAlertTriangle,
  expired: IconCalendarX,
  not_yet_valid: IconCalendarClock,
  suspended: IconPlayerPause,
  revoked: IconBan,
  compromised_key: IconShieldX,
  unknown_key: IconKeyOff,
  damaged: IconAlertTriangle,
  not_card: IconQrcode,
  not_found: IconHelpCircle,
  no_keys: IconCloudOff,
};

/** The verdict's icon: one shape per outcome, so the result never rests on colour alone. */
export function OutcomeIcon({ outcome, size = 48 }: { outcome: Outcome; size?: number }) {
  const Icon = ICONS[outcome];
  return <Icon size={size} stroke={2.25} aria-hidden="true" focusable="false" data-icon={outcome} />;
}

/** Hirfa's mark with a check: the verify page's own logo (also its app icon). */
export function VerifyMark({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#9c4d1b" />
      <path d="M32 8l5.5 14.5L52 28l-14.5 5.5L32 48l-5.5-14.5L12 28l14.5-5.5z" fill="#fdf3ec" />
      <circle cx="46" cy="46" r="13" fill="#1a6b36" stroke="#fdf3ec" strokeWidth="3" />
      <path
        d="M40 46.5l4.2 4.2 8-8.4"
        fill="none"
        stroke="#fff"
        strokeWidth="3.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
