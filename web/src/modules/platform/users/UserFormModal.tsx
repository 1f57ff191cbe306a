import { Alert, Button, Group, Modal, MultiSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { notifySuccess } from '../../../ui/notify.ts';
import { type RoleView, type UserView, useUserMutations } from './users.api.ts';

const USERNAME = /^[a-z0-9._-]{3,32}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 8;

interface UserFormModalProps {
  /** `null`: create a new user. */
  user: UserView | null;
  roles: RoleView[];
  onClose: () => void;
}

/** Create or edit a user; mounted fresh each time it opens. */
export function UserFormModal({ user, roles, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  const { create, update } = useUserMutations();
  const [username, setUsername] = useState(user?.username ?? '');
  const [fullName, setFullName] = useState(user?.full_name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [password, setPassword] = useState('');
  const [selectedRoles, setSelectedRoles] = useState<string[]>(user?.roles ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const busy = create.isPending || update.isPending;

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!user && !USERNAME.test(username.trim())) found.username = t('ui.users.form.username_rule');
    if (!fullName.trim()) found.full_name = t('ui.common.required');
    if (email.trim() && !EMAIL.test(email.trim())) found.email = t('ui.users.form.email_rule');
    if (!user && password.length < MIN_PASSWORD)
      found.password = t('ui.password.too_short', { min: MIN_PASSWORD });
    if (selectedRoles.length === 0) found.roles = t('ui.users.form.roles_rule');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setServerError(null);
    try {
      if (user) {
        await update.mutateAsync({
          id: user.id,
          input: { full_name: fullName.trim(), email: email.trim() || null, roles: selectedRoles },
        });
        notifySuccess(t('ui.users.saved', { username: user.username }));
      } else {
        await create.mutateAsync({
          username: username.trim(),
          full_name: fullName.trim(),
          ...(email.trim() ? { email: email.trim() } : {}),
          password,
          roles: selectedRoles,
        });
        notifySuccess(t('ui.users.created', { username: username.trim() }));
      }
      onClose();
    } catch (cause) {
      setServerError(errorMessage(cause));
    }
  };

  return (
    <Modal
      opened
      onClose={() => !busy && onClose()}
      title={user ? t('ui.users.edit_title', { username: user.username }) : t('ui.users.create_title')}
      size="md"
      data-testid="user-form"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {user ? null : (
            <TextInput
              label={t('ui.users.fields.username')}
              description={t('ui.users.form.username_rule')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value.toLowerCase())}
              error={errors.username}
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              required
              data-autofocus
              data-testid="user-username"
            />
          )}
          <TextInput
            label={t('ui.users.fields.full_name')}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            error={errors.full_name}
            required
            data-testid="user-full-name"
          />
          <TextInput
            label={t('ui.users.fields.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
            autoComplete="off"
            data-testid="user-email"
          />
          {user ? null : (
            <PasswordInput
              label={t('ui.users.fields.password')}
              description={t('ui.password.hint', { min: MIN_PASSWORD })}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
              autoComplete="new-password"
              required
              data-testid="user-password"
            />
          )}
          <MultiSelect
            label={t('ui.users.fields.roles')}
            data={roles.map((role) => ({
              value: role.name,
              label: t(`ui.roles.${role.name}`, { defaultValue: role.name }),
            }))}
            value={selectedRoles}
            onChange={setSelectedRoles}
            error={errors.roles}
            required
            searchable
            comboboxProps={{ withinPortal: true }}
            data-testid="user-roles"
          />
          {serverError ? (
            <Alert color="red" variant="light" role="alert" data-testid="user-form-error">
              {serverError}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('ui.common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="user-save">
              {user ? t('ui.common.save') : t('ui.users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
