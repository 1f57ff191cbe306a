import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api.ts';

export interface ConfirmModalProps {
  opened: boolean;
  busy: boolean;
  error: unknown;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  danger: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** The dialog of ConfirmButton; its own chunk so screens without a pending confirmation stay light. */
export default function ConfirmModal({
  opened,
  busy,
  error,
  title,
  message,
  confirmLabel,
  cancelLabel,
  danger,
  onConfirm,
  onClose,
}: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size="sm" data-testid="confirm-dialog">
      <Text size="sm">{message}</Text>
      {error ? (
        <Alert color="red" variant="light" mt="sm" role="alert" data-testid="confirm-error">
          {errorMessage(error)}
        </Alert>
      ) : null}
      <Group justify="flex-end" mt="lg" gap="xs">
        <Button variant="default" onClick={onClose} disabled={busy} data-testid="confirm-cancel">
          {cancelLabel ?? t('ui.common.cancel')}
        </Button>
        <Button
          color={danger ? 'red' : undefined}
          onClick={onConfirm}
          loading={busy}
          data-autofocus
          data-testid="confirm-accept"
        >
          {confirmLabel ?? t('ui.confirm.accept')}
        </Button>
      </Group>
    </Modal>
  );
}
