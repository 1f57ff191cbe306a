import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { errorMessage } from '../../../app/api.ts';
import { takeFlash } from '../../../app/flash.ts';
import { setLanguage } from '../../../app/i18n.ts';
import { login, useSessionQuery } from '../../../app/session.ts';

export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSessionQuery();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice] = useState(() => takeFlash());

  useEffect(() => {
    document.title = `${t('ui.login.title')} · ${t('ui.app.name')}`;
  }, [t]);

  if (session && !busy) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('ui.login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      navigate('/', { replace: true });
    } catch (cause) {
      setError(errorMessage(cause));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const other = i18n.language === 'en' ? 'es' : 'en';

  return (
    <Center mih="100dvh" p="md">
      <Box w="100%" maw={380}>
        <Group justify="space-between" align="center" mb="md">
          <Title order={1} fz={32} fw={800}>
            {t('ui.app.name')}
          </Title>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setLanguage(other)}
            data-testid="language-switch"
            aria-label={t('ui.header.language_to', { language: t(`ui.languages.${other}`) })}
          >
            {t(`ui.languages.${other}`)}
          </Button>
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <form onSubmit={submit} noValidate data-testid="login-form">
            <Stack gap="sm">
              <Title order={2} fz="h4">
                {t('ui.login.title')}
              </Title>
              {notice ? (
                <Alert color="yellow" variant="light" role="status" data-testid="login-notice">
                  {notice}
                </Alert>
              ) : null}
              <TextInput
                label={t('ui.login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                required
                data-testid="login-username"
                size="md"
              />
              <PasswordInput
                label={t('ui.login.password')}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
                data-testid="login-password"
                size="md"
              />
              {error ? (
                <Alert color="red" variant="light" role="alert" data-testid="login-error">
                  {error}
                </Alert>
              ) : null}
              <Button type="submit" loading={busy} size="md" fullWidth data-testid="login-submit">
                {t('ui.login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="md">
          {t('ui.login.footer')}
        </Text>
      </Box>
    </Center>
  );
}
