import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../ui/format.ts';
import { useLiveNotifications, useMarkAllRead, useMarkRead, useNotifications } from './notifications.api.ts';

/**
 * The bell in the header: unread count, the latest notifications, live over the websocket.
 * Mount it in the shell's header (Layout), e.g. before the language switch.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const latest = useNotifications({ page: 1, page_size: 8 });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  useLiveNotifications();
  const unread = latest.data?.unread ?? 0;
  const label = t('ui.notifications.bell', { count: unread });

  return (
    <Popover opened={opened} onChange={setOpened} width={340} position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          color="red"
          disabled={unread === 0}
          offset={4}
          data-testid="notification-count"
          data-count={unread}
        >
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={label}
            title={label}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <span aria-hidden style={{ fontSize: 18, lineHeight: 1 }}>
              ⚑
            </span>
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" data-testid="notification-popover">
        <Group justify="space-between" mb="xs">
          <Text fw={700} size="sm">
            {t('ui.notifications.title')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('ui.notifications.mark_all_read')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={4}>
            {(latest.data?.items ?? []).length === 0 ? (
              <Text size="sm" c="dimmed" ta="center" py="md">
                {t('ui.notifications.empty')}
              </Text>
            ) : null}
            {latest.data?.items.map((n) => (
              <Box
                key={n.id}
                p={6}
                style={{ borderRadius: 4, cursor: 'pointer' }}
                bg={n.read_at ? undefined : 'var(--mantine-color-blue-light)'}
                data-testid="notification-item"
                onClick={() => {
                  if (!n.read_at) markRead.mutate(n.id);
                  if (n.link) {
                    setOpened(false);
                    navigate(n.link);
                  }
                }}
              >
                <Text size="sm" fw={n.read_at ? 400 : 600} lineClamp={2}>
                  {n.title}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {n.body}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.created_at)}
                </Text>
              </Box>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Anchor
          component={Link}
          to="/notifications"
          size="sm"
          mt="xs"
          display="block"
          onClick={() => setOpened(false)}
        >
          {t('ui.notifications.see_all')}
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}

export default NotificationBell;
