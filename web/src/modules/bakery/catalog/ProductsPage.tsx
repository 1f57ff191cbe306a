import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { Category } from '@matriz/shared/bakery/sale-math';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { DataTable } from '../../../ui/DataTable.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { money, type ProductView, useProducts } from '../bakery.api.ts';

interface Draft {
  id: string | null;
  code: string;
  name: string;
  price: number;
  category: Category;
  active: boolean;
}

const emptyDraft: Draft = { id: null, code: '', name: '', price: 0, category: 'panaderia', active: true };

/** Products CRUD and CSV import, for the bakery admin. */
export default function ProductsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const products = useProducts();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['bakery', 'products'] });

  const save = useMutation({
    mutationFn: ({ id, ...body }: Draft) =>
      id ? api.patch(`/bakery/products/${id}`, body) : api.post('/bakery/products', body),
    onSuccess: () => {
      setDraft(null);
      refresh();
      notifySuccess(t('ui.bakery.common.saved'));
    },
    onError: (error) => notifyError(error),
  });
  const importCsv = useMutation({
    mutationFn: (text: string) =>
      api.post<{ created: number; updated: number }>('/bakery/products/import', { csv: text }),
    onSuccess: (outcome) => {
      setCsv(null);
      refresh();
      notifySuccess(t('ui.bakery.products.imported', outcome));
    },
    onError: (error) => notifyError(error),
  });

  return (
    <Stack>
      <PageTitle
        title={t('ui.bakery.products.title')}
        actions={
          <>
            <Button variant="light" onClick={() => setCsv('')}>
              {t('ui.bakery.products.import')}
            </Button>
            <Button onClick={() => setDraft(emptyDraft)}>{t('ui.bakery.products.new')}</Button>
          </>
        }
      />
      <DataTable<ProductView>
        rows={products.data}
        loading={products.isPending}
        error={products.error}
        rowKey={(p) => p.id}
        columns={[
          { key: 'code', header: t('ui.bakery.report.code'), render: (p) => p.code, nowrap: true },
          { key: 'name', header: t('ui.bakery.report.product'), render: (p) => p.name },
          {
            key: 'category',
            header: t('ui.bakery.report.category'),
            render: (p) => t(`ui.bakery.category.${p.category}`),
          },
          {
            key: 'price',
            header: t('ui.bakery.sales.col_price'),
            render: (p) => money(p.price),
            align: 'right',
          },
          {
            key: 'active',
            header: '',
            render: (p) => (
              <Badge color={p.active ? 'green' : 'gray'}>
                {t(p.active ? 'ui.bakery.common.active' : 'ui.bakery.common.inactive')}
              </Badge>
            ),
          },
          {
            key: 'edit',
            header: '',
            render: (p) => (
              <Button size="xs" variant="subtle" onClick={() => setDraft({ ...p })}>
                {t('ui.bakery.common.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal opened={draft !== null} onClose={() => setDraft(null)} title={t('ui.bakery.products.title')}>
        {draft ? (
          <Stack>
            <TextInput
              label={t('ui.bakery.report.code')}
              value={draft.code}
              onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value })}
            />
            <TextInput
              label={t('ui.bakery.report.product')}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
            />
            <NumberInput
              label={t('ui.bakery.sales.col_price')}
              value={draft.price}
              min={0}
              decimalScale={2}
              onChange={(value) => setDraft({ ...draft, price: Number(value) || 0 })}
            />
            <Select
              label={t('ui.bakery.report.category')}
              data={(['panaderia', 'bizcocheria'] as const).map((c) => ({
                value: c,
                label: t(`ui.bakery.category.${c}`),
              }))}
              value={draft.category}
              onChange={(value) => setDraft({ ...draft, category: (value as Category) ?? 'panaderia' })}
            />
            <Switch
              label={t('ui.bakery.common.active')}
              checked={draft.active}
              onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
            />
            <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
              {t('ui.bakery.common.save')}
            </Button>
          </Stack>
        ) : null}
      </Modal>
      <Modal
        opened={csv !== null}
        onClose={() => setCsv(null)}
        title={t('ui.bakery.products.import')}
        size="lg"
      >
        <Stack>
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => setCsv((await e.currentTarget.files?.[0]?.text()) ?? '')}
          />
          <Textarea
            autosize
            minRows={6}
            placeholder="codigo,nombre,precio,categoria"
            value={csv ?? ''}
            onChange={(e) => setCsv(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button onClick={() => importCsv.mutate(csv ?? '')} disabled={!csv} loading={importCsv.isPending}>
              {t('ui.bakery.products.import')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
