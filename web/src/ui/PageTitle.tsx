import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface PageTitleProps {
  title: string;
  subtitle?: ReactNode;
  /** Buttons shown at the right (wrap below the title on phones). */
  actions?: ReactNode;
}

/** The page heading; also sets the document title. */
export function PageTitle({ title, subtitle, actions }: PageTitleProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('ui.app.name')}`;
  }, [title, t]);
  return (
    <Group justify="space-between" align="flex-end" mb="md" gap="sm" wrap="wrap">
      <Stack gap={2}>
        <Title order={2} fz={{ base: 'h3', sm: 'h2' }}>
          {title}
        </Title>
        {subtitle ? (
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="xs">{actions}</Group> : null}
    </Group>
  );
}
