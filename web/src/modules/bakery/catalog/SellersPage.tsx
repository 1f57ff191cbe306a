import { Badge, Button, Modal, NumberInput, PasswordInput, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { type SellerView, useSellers } from '../bakery.api.ts';

interface Draft {
  id: string | null;
  username: string;
  full_name: string;
  password: string;
  commission_panaderia: number;
  commission_bizcocheria: number;
  active: boolean;
}

/** Route sellers and their commission % per category, for the bakery admin. */
export default function SellersPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sellers = useSellers();
  const [draft, setDraft] = useState<Draft | null>(null);

  const save = useMutation({
    mutationFn: ({ id, username, password, ...rest }: Draft) =>
      id
        ? api.patch(`/bakery/sellers/${id}`, rest)
        : api.post('/bakery/sellers', { username, password, ...rest, active: undefined }),
    onSuccess: () => {
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: ['bakery', 'sellers'] });
      notifySuccess(t('ui.bakery.common.saved'));
    },
    onError: (error) => notifyError(error),
  });

  return (
    <Stack>
      <PageTitle
        title={t('ui.bakery.sellers.title')}
        actions={
          <Button
            onClick={() =>
              setDraft({
                id: null,
                username: '',
                full_name: '',
                password: '',
                commission_panaderia: 10,
                commission_bizcocheria: 10,
                active: true,
              })
            }
          >
            {t('ui.bakery.sellers.new')}
          </Button>
        }
      />
      <DataTable<SellerView>
        rows={sellers.data}
        loading={sellers.isPending}
        error={sellers.error}
        rowKey={(s) => s.id}
        columns={[
          { key: 'username', header: t('ui.bakery.sellers.username'), render: (s) => s.username },
          { key: 'name', header: t('ui.bakery.sellers.full_name'), render: (s) => s.full_name },
          {
            key: 'pan',
            header: t('ui.bakery.category.panaderia'),
            render: (s) => `${s.commission_panaderia} %`,
            align: 'right',
          },
          {
            key: 'biz',
            header: t('ui.bakery.category.bizcocheria'),
            render: (s) => `${s.commission_bizcocheria} %`,
            align: 'right',
          },
          {
            key: 'active',
            header: '',
            render: (s) => (
              <Badge color={s.active ? 'green' : 'gray'}>
                {t(s.active ? 'ui.bakery.common.active' : 'ui.bakery.common.inactive')}
              </Badge>
            ),
          },
          {
            key: 'edit',
            header: '',
            render: (s) => (
              <Button size="xs" variant="subtle" onClick={() => setDraft({ ...s, password: '' })}>
                {t('ui.bakery.common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal opened={draft !== null} onClose={() => setDraft(null)} title={t('ui.bakery.sellers.title')}>
        {draft ? (
          <Stack>
            <TextInput
              label={t('ui.bakery.sellers.username')}
              value={draft.username}
              disabled={draft.id !== null}
              onChange={(e) => setDraft({ ...draft, username: e.currentTarget.value })}
            />
            <TextInput
              label={t('ui.bakery.sellers.full_name')}
              value={draft.full_name}
              onChange={(e) => setDraft({ ...draft, full_name: e.currentTarget.value })}
            />
            {draft.id === null ? (
              <PasswordInput
                label={t('ui.bakery.sellers.password')}
                value={draft.password}
                onChange={(e) => setDraft({ ...draft, password: e.currentTarget.value })}
              />
            ) : null}
            <NumberInput
              label={`% ${t('ui.bakery.category.panaderia')}`}
              value={draft.commission_panaderia}
              min={0}
              max={100}
              decimalScale={2}
              onChange={(value) => setDraft({ ...draft, commission_panaderia: Number(value) || 0 })}
            />
            <NumberInput
              label={`% ${t('ui.bakery.category.bizcocheria')}`}
              value={draft.commission_bizcocheria}
              min={0}
              max={100}
              decimalScale={2}
              onChange={(value) => setDraft({ ...draft, commission_bizcocheria: Number(value) || 0 })}
            />
            {draft.id !== null ? (
              <Switch
                label={t('ui.bakery.common.active')}
                checked={draft.active}
                onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
              />
            ) : null}
            <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
              {t('ui.bakery.common.save')}
            </Button>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
