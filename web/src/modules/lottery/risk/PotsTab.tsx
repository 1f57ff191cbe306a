import {
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { BET_TYPE_CODES } from '@matriz/shared/lottery/games';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import { useDraws } from '../catalog.api.ts';
import { PartnerStatement } from './PartnerStatement.tsx';
import { type LayoffView, type PartnerView, useLayoffs, usePartners, usePotMutations } from './risk.api.ts';

const STATEMENT_KEYS = ['partner', 'from', 'to'] as const;

/** Lay-off of excess (bote); with a partner in the URL, that partner's statement. */
export function PotsTab() {
  const [params, setParams] = useUrlParams(STATEMENT_KEYS);
  if (params.partner)
    return (
      <PartnerStatement
        partnerId={params.partner}
        range={{ from: params.from || undefined, to: params.to || undefined }}
        onRange={setParams}
        onBack={() => setParams({ partner: null, from: null, to: null })}
      />
    );
  return <Pots onStatement={(partner) => setParams({ partner })} />;
}

/** Partners, exports and imports, and each one's share of the prizes. */
function Pots({ onStatement }: { onStatement: (partnerId: string) => void }) {
  const { t } = useTranslation();
  const canManage = useCan('lottery.limits.manage');
  const partners = usePartners();
  const layoffs = useLayoffs({});
  const draws = useDraws({});
  const mutations = usePotMutations();
  const [partner, setPartner] = useState({ code: '', name: '', commission: 0 });
  const [form, setForm] = useState({
    direction: 'export' as 'export' | 'import',
    draw_id: '' as string,
    bet_type: 'DIRECTO',
    number: '',
    amount: 0,
    partner: '',
  });

  const partnerColumns: Column<PartnerView>[] = [
    { key: 'code', header: t('ui.lottery.risk.code'), render: (p) => p.code },
    { key: 'name', header: t('ui.lottery.risk.name'), render: (p) => p.name },
    { key: 'commission', header: t('ui.lottery.risk.commission'), render: (p) => `${p.commission} %` },
    {
      key: 'statement',
      header: '',
      render: (p) => (
        <Button
          size="xs"
          variant="light"
          onClick={() => onStatement(p.id)}
          data-testid={`statement-${p.code}`}
        >
          {t('ui.lottery.risk.statement_action')}
        </Button>
      ),
    },
  ];
  const layoffColumns: Column<LayoffView>[] = [
    {
      key: 'direction',
      header: '',
      render: (l) => (
        <Badge color={l.direction === 'export' ? 'blue' : 'grape'}>
          {t(`ui.lottery.risk.${l.direction}`)}
        </Badge>
      ),
    },
    { key: 'partner', header: t('ui.lottery.risk.partner'), render: (l) => l.partner_code },
    {
      key: 'draw',
      header: t('ui.lottery.risk.draw'),
      render: (l) => `${l.lottery_code} ${l.draw_date} ${l.draw_time.slice(0, 5)}`,
    },
    { key: 'play', header: t('ui.lottery.risk.number'), render: (l) => `${l.bet_type} ${l.number}` },
    {
      key: 'amount',
      header: t('ui.lottery.risk.amount'),
      render: (l) => l.amount.toFixed(2),
      align: 'right',
    },
    {
      key: 'commission',
      header: t('ui.lottery.risk.commission'),
      render: (l) => l.commission.toFixed(2),
      align: 'right',
    },
    {
      key: 'share',
      header: t('ui.lottery.risk.prize_share'),
      render: (l) => l.prize_share.toFixed(2),
      align: 'right',
    },
  ];

  return (
    <Stack gap="sm">
      {canManage ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="sm">
            <Title order={5}>{t('ui.lottery.risk.new_partner')}</Title>
            <Group align="end" wrap="wrap">
              <TextInput
                label={t('ui.lottery.risk.code')}
                value={partner.code}
                onChange={(e) => setPartner({ ...partner, code: e.currentTarget.value })}
                w={100}
              />
              <TextInput
                label={t('ui.lottery.risk.name')}
                value={partner.name}
                onChange={(e) => setPartner({ ...partner, name: e.currentTarget.value })}
                w={180}
              />
              <NumberInput
                label={t('ui.lottery.risk.commission')}
                value={partner.commission}
                onChange={(v) => setPartner({ ...partner, commission: Number(v) || 0 })}
                w={100}
                suffix=" %"
              />
              <Button
                onClick={async () => {
                  try {
                    await mutations.createPartner(partner);
                    notifySuccess(t('ui.lottery.risk.saved'));
                    setPartner({ code: '', name: '', commission: 0 });
                  } catch (error) {
                    notifyError(error);
                  }
                }}
              >
                {t('ui.lottery.risk.save')}
              </Button>
            </Group>
          </Paper>
          <Paper withBorder p="sm">
            <Title order={5}>{t('ui.lottery.risk.new_layoff')}</Title>
            <Group align="end" wrap="wrap">
              <Select
                label={t('ui.lottery.risk.direction')}
                data={[
                  { value: 'export', label: t('ui.lottery.risk.export') },
                  { value: 'import', label: t('ui.lottery.risk.import') },
                ]}
                value={form.direction}
                onChange={(v) => setForm({ ...form, direction: (v ?? 'export') as 'export' | 'import' })}
                w={120}
              />
              <Select
                label={t('ui.lottery.risk.draw')}
                data={(draws.data?.draws ?? []).map((d) => ({
                  value: d.id,
                  label: `${d.lottery_name} ${d.draw_time.slice(0, 5)}`,
                }))}
                value={form.draw_id || null}
                onChange={(v) => setForm({ ...form, draw_id: v ?? '' })}
                w={200}
              />
              <Select
                label={t('ui.lottery.risk.bet_type')}
                data={[...BET_TYPE_CODES]}
                value={form.bet_type}
                onChange={(v) => setForm({ ...form, bet_type: v ?? 'DIRECTO' })}
                w={140}
              />
              <TextInput
                label={t('ui.lottery.risk.number')}
                value={form.number}
                onChange={(e) => setForm({ ...form, number: e.currentTarget.value })}
                w={90}
              />
              <NumberInput
                label={t('ui.lottery.risk.amount')}
                value={form.amount}
                onChange={(v) => setForm({ ...form, amount: Number(v) || 0 })}
                decimalScale={2}
                w={110}
              />
              <Select
                label={t('ui.lottery.risk.partner')}
                data={(partners.data?.items ?? []).map((p) => ({ value: p.id, label: p.code }))}
                value={form.partner || null}
                onChange={(v) => setForm({ ...form, partner: v ?? '' })}
                w={120}
              />
              <Button
                onClick={async () => {
                  try {
                    const { direction, ...body } = form;
                    await mutations.layoff(direction, body);
                    notifySuccess(t('ui.lottery.risk.saved'));
                  } catch (error) {
                    notifyError(error, errorMessage(error));
                  }
                }}
              >
                {t('ui.lottery.risk.save')}
              </Button>
            </Group>
          </Paper>
        </SimpleGrid>
      ) : null}
      <DataTable
        columns={partnerColumns}
        rows={partners.data?.items}
        rowKey={(p) => p.id}
        error={partners.error}
        minWidth={480}
      />
      <DataTable
        columns={layoffColumns}
        rows={layoffs.data?.items}
        rowKey={(l) => l.id}
        error={layoffs.error}
      />
    </Stack>
  );
}
