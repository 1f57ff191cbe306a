import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { notifySuccess } from '../../../ui/notify.ts';
import { MIN_PASSWORD } from './UserFormModal.tsx';
import { type UserView, useUserMutations } from './users.api.ts';

/** Sets a new password for another user (the reset ends that user's session on the server). */
export function ResetPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const { resetPassword } = useUserMutations();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD) return setError(t('ui.password.too_short', { min: MIN_PASSWORD }));
    if (password !== repeat) return setError(t('ui.password.mismatch'));
    setError(null);
    try {
      await resetPassword.mutateAsync({ id: user.id, password });
      notifySuccess(t('ui.users.password_reset_done', { username: user.username }));
      onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    }
  };

  return (
    <Modal
      opened
      onClose={() => !resetPassword.isPending && onClose()}
      title={t('ui.users.reset_title', { username: user.username })}
      size="sm"
      data-testid="reset-password-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('ui.users.reset_message')}
          </Text>
          <PasswordInput
            label={t('ui.password.new')}
            description={t('ui.password.hint', { min: MIN_PASSWORD })}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="new-password"
            data-autofocus
            required
          />
          <PasswordInput
            label={t('ui.password.repeat')}
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            autoComplete="new-password"
            required
          />
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={resetPassword.isPending}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={resetPassword.isPending}>
              {t('ui.users.reset_confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
