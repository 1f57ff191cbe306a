import { Badge, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { type RecordPath, useCatalogMutations } from '../catalog.api.ts';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" color={active ? 'green' : 'gray'} variant="dot" tt="none">
      {active ? t('ui.lottery.common.active') : t('ui.lottery.common.inactive')}
    </Badge>
  );
}

interface RecordActionsProps {
  path: RecordPath;
  id: string;
  /** Shown in the dialogs: "banca 010". */
  label: string;
  active: boolean;
  canManage: boolean;
  /** Buttons before the state actions (edit, schedule …). */
  children?: ReactNode;
  /** What deactivating stops, when there is more to say than the general message. */
  deactivateMessage?: string;
}

/** Deactivate / reactivate and permanent delete (the server refuses it for records in use). */
export function RecordActions({
  path,
  id,
  label,
  active,
  canManage,
  children,
  deactivateMessage,
}: RecordActionsProps) {
  const { t } = useTranslation();
  const mutations = useCatalogMutations();
  return (
    <Group gap={4} wrap="nowrap">
      {children}
      {active ? (
        <ConfirmButton
          size="compact-xs"
          variant="light"
          color="yellow"
          disabled={!canManage}
          confirmTitle={t('ui.lottery.common.deactivate_title', { label })}
          confirmMessage={deactivateMessage ?? t('ui.lottery.common.deactivate_message')}
          confirmLabel={t('ui.lottery.common.deactivate')}
          onConfirm={async () => {
            await mutations.setActive(path, id, false);
            notifySuccess(t('ui.lottery.common.deactivated', { label }));
          }}
          data-testid={`deactivate-${label}`}
        >
          {t('ui.lottery.common.deactivate')}
        </ConfirmButton>
      ) : (
        <ConfirmButton
          size="compact-xs"
          variant="light"
          color="green"
          danger={false}
          disabled={!canManage}
          confirmTitle={t('ui.lottery.common.reactivate_title', { label })}
          confirmMessage={t('ui.lottery.common.reactivate_message')}
          confirmLabel={t('ui.lottery.common.reactivate')}
          onConfirm={async () => {
            await mutations.setActive(path, id, true);
            notifySuccess(t('ui.lottery.common.reactivated', { label }));
          }}
          data-testid={`reactivate-${label}`}
        >
          {t('ui.lottery.common.reactivate')}
        </ConfirmButton>
      )}
      <ConfirmButton
        size="compact-xs"
        variant="light"
        color="red"
        disabled={!canManage}
        confirmTitle={t('ui.lottery.common.delete_title', { label })}
        confirmMessage={t('ui.lottery.common.delete_message')}
        confirmLabel={t('ui.lottery.common.delete')}
        onConfirm={async () => {
          await mutations.remove(path, id);
          notifySuccess(t('ui.lottery.common.deleted', { label }));
        }}
        data-testid={`delete-${label}`}
      >
        {t('ui.lottery.common.delete')}
      </ConfirmButton>
    </Group>
  );
}
