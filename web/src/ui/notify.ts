import { notifications } from '@mantine/notifications';
import { errorMessage } from '../app/api.ts';
import { t } from '../app/i18n.ts';

/** Green toast after a successful action. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3_000, withBorder: true });
}

/** Red toast with the server's message. */
export function notifyError(error: unknown, title?: string): void {
  notifications.show({
    color: 'red',
    title: title ?? t('ui.errors.title'),
    message: errorMessage(error),
    autoClose: 6_000,
    withBorder: true,
  });
}
