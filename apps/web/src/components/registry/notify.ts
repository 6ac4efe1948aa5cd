import { notifications } from '@mantine/notifications';
import { i18n } from '../../i18n/i18n.ts';

/** A short confirmation at the top of the screen, with a close button screen readers can name. */
export function notifyDone(message: string): void {
  notifications.show({
    color: 'green',
    message,
    closeButtonProps: { 'aria-label': i18n.t('registry.common.close') },
  });
}
