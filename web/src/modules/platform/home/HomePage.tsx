import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { visibleNavItems } from '../../../app/navigation.ts';
import { useSession } from '../../../app/session.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';

export default function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const shortcuts = visibleNavItems(session.user.permissions, session.modules).filter(
    (item) => item.key !== 'home',
  );

  return (
    <>
      <PageTitle title={t('ui.home.title')} />
      <Stack gap="md">
        <Card withBorder padding="lg" radius="md" data-testid="welcome-card">
          <Text size="lg" fw={700}>
            {t('ui.home.welcome', { name: session.user.full_name })}
          </Text>
          <Text size="sm" c="dimmed" mb="xs">
            {t('ui.home.signed_in_as', { username: session.user.username })}
          </Text>
          <Group gap={6} data-testid="welcome-roles">
            {session.user.roles.map((role) => (
              <Badge key={role} variant="light">
                {t(`ui.roles.${role}`, { defaultValue: role })}
              </Badge>
            ))}
          </Group>
          <Anchor component={Link} to="/account/password" size="sm" mt="sm" display="inline-block">
            {t('ui.password.title')}
          </Anchor>
        </Card>
        {shortcuts.length > 0 ? (
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm">
            {shortcuts.map((item) => (
              <UnstyledButton key={item.key} component={Link} to={item.path}>
                <Card withBorder padding="md" radius="md" h="100%">
                  <Text fz={24} lh={1} aria-hidden>
                    {item.icon}
                  </Text>
                  <Text fw={600} size="sm" mt={6}>
                    {t(item.label)}
                  </Text>
                </Card>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        ) : null}
      </Stack>
    </>
  );
}
