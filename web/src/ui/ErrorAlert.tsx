import { Alert, Button, Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../app/api.ts';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** Shows an error with the server's own message (already in the user's language) and its code. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('ui.errors.title')}
      role="alert"
      data-testid="error-alert"
    >
      <Text size="sm">{errorMessage(error)}</Text>
      {error instanceof ApiError && error.status !== 0 ? (
        <Code fz="xs" mt={4} display="inline-block">
          {error.code}
        </Code>
      ) : null}
      {onRetry ? (
        <Button size="compact-sm" variant="light" color="red" mt="xs" onClick={onRetry} display="block">
          {t('ui.common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
