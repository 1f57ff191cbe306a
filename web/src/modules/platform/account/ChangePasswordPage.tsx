import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, errorMessage } from '../../../app/api.ts';
import { queryClient } from '../../../app/query.ts';
import { SESSION_KEY, type Session } from '../../../app/session.ts';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';

const MIN_LENGTH = 8;

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next.length < MIN_LENGTH) return setError(t('ui.password.too_short', { min: MIN_LENGTH }));
    if (next !== repeat) return setError(t('ui.password.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password', { current_password: current, new_password: next });
      queryClient.setQueryData<Session | null>(SESSION_KEY, (s) =>
        s ? { ...s, must_change_password: false } : s,
      );
      notifySuccess(t('ui.password.changed'));
      navigate('/');
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title={t('ui.password.title')} />
      <Paper withBorder p="md" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('ui.password.current')}
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              required
            />
            <PasswordInput
              label={t('ui.password.new')}
              description={t('ui.password.hint', { min: MIN_LENGTH })}
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              required
            />
            <PasswordInput
              label={t('ui.password.repeat')}
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value)}
              required
            />
            {error ? (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            ) : null}
            <Button type="submit" loading={busy}>
              {t('ui.password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
