import { Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import type { LotteryView } from '../catalog.api.ts';
import { useOptions } from '../catalog.api.ts';
import { type HotNumberView, useBlocks, useHotNumbers, useLimitMutations } from './limits.api.ts';
import {
  amount,
  BetTypeField,
  FormAmount,
  FormPanel,
  FormText,
  LotteryField,
  NumberField,
  NumberMarks,
  type Option,
  SaveButton,
} from './parts.tsx';
import { RulesTab } from './RulesTab.tsx';

const KEYS = ['tab'] as const;

/** Blocks and hot numbers hold at every banca: only admins set or lift them; others see them. */
function AdminOnlyNote() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="limits-admin-only">
      {t('ui.lottery.limits.admin_only')}
    </Text>
  );
}

function BlocksTab({ lotteries }: { lotteries: Option[] }) {
  const { t } = useTranslation();
  const blocks = useBlocks();
  const m = useLimitMutations();
  const admin = useCan('lottery.network.manage');
  const [form, setForm] = useState({ number: '', lottery_id: '', bet_type: '', reason: '' });
  const bind = { form, onChange: setForm };
  const all = t('ui.lottery.risk.all');
  return (
    <Stack gap="sm">
      {admin ? (
        <FormPanel title={t('ui.lottery.limits.new_block')}>
          <NumberField {...bind} field="number" data-testid="block-number" />
          <LotteryField {...bind} field="lottery_id" lotteries={lotteries} />
          <BetTypeField {...bind} field="bet_type" anyLabel={all} />
          <FormText
            {...bind}
            field="reason"
            label={t('ui.lottery.limits.reason')}
            w={200}
            data-testid="block-reason"
          />
          <SaveButton
            data-testid="block-submit"
            onSave={async () => {
              await m.block({
                number: form.number,
                lottery_id: form.lottery_id || null,
                bet_type: form.bet_type || null,
                reason: form.reason,
              });
              setForm({ ...form, number: '', reason: '' });
            }}
          >
            {t('ui.lottery.limits.block')}
          </SaveButton>
        </FormPanel>
      ) : (
        <AdminOnlyNote />
      )}
      <NumberMarks
        entity="lottery_block"
        colour="dark"
        lotteries={lotteries}
        rows={blocks.data?.items}
        error={blocks.error}
        columns={[{ key: 'bet', header: t('ui.lottery.risk.bet_type'), render: (b) => b.bet_type ?? all }]}
        removeLabel={t('ui.lottery.limits.unblock')}
        onRemove={m.unblock}
        minWidth={480}
      />
    </Stack>
  );
}

const HOT_FIELDS = ['directo', 'pale_1', 'pale_2', 'tripleta_1', 'tripleta_2', 'tripleta_3'] as const;
type HotForm = { number: string; lottery_id: string; reason: string } & Record<
  (typeof HOT_FIELDS)[number],
  number | null
>;

function HotTab({ lotteries }: { lotteries: Option[] }) {
  const { t } = useTranslation();
  const hot = useHotNumbers();
  const m = useLimitMutations();
  const admin = useCan('lottery.network.manage');
  const [form, setForm] = useState<HotForm>({
    number: '',
    lottery_id: '',
    reason: '',
    directo: null,
    pale_1: null,
    pale_2: null,
    tripleta_1: null,
    tripleta_2: null,
    tripleta_3: null,
  });
  const bind = { form, onChange: setForm };
  return (
    <Stack gap="sm">
      {admin ? (
        <FormPanel title={t('ui.lottery.limits.new_hot')}>
          <NumberField {...bind} field="number" w={80} />
          <LotteryField {...bind} field="lottery_id" lotteries={lotteries} w={150} />
          {HOT_FIELDS.map((f) => (
            <FormAmount key={f} {...bind} field={f} label={t(`ui.lottery.limits.hot_${f}`)} w={100} />
          ))}
          <FormText {...bind} field="reason" label={t('ui.lottery.limits.reason')} w={180} />
          <SaveButton onSave={() => m.markHot({ ...form, lottery_id: form.lottery_id || null })}>
            {t('ui.lottery.risk.save')}
          </SaveButton>
        </FormPanel>
      ) : (
        <AdminOnlyNote />
      )}
      <NumberMarks
        entity="lottery_hot_number"
        colour="red"
        lotteries={lotteries}
        rows={hot.data?.items}
        error={hot.error}
        columns={HOT_FIELDS.map((f) => ({
          key: f,
          header: t(`ui.lottery.limits.hot_${f}`),
          render: (h: HotNumberView) => amount(h[f]),
          align: 'right' as const,
        }))}
        removeLabel={t('ui.lottery.limits.unmark')}
        onRemove={m.unmarkHot}
      />
    </Stack>
  );
}

/** /lottery/limits: limit rules, blocked numbers and hot numbers, each change with its reason and audit. */
export default function LimitsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams(KEYS);
  const lotteryOptions = useOptions<LotteryView>('/lottery/lotteries');
  const lotteries = (lotteryOptions.data ?? []).map((l) => ({ value: l.id, label: l.name }));
  const tab = params.tab || 'rules';
  return (
    <>
      <PageTitle title={t('ui.lottery.limits.title')} subtitle={t('ui.lottery.limits.subtitle')} />
      <Tabs value={tab} onChange={(value) => setParams({ tab: value })} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="rules">{t('ui.lottery.limits.tab_rules')}</Tabs.Tab>
          <Tabs.Tab value="blocks" data-testid="tab-blocks">
            {t('ui.lottery.limits.tab_blocks')}
          </Tabs.Tab>
          <Tabs.Tab value="hot">{t('ui.lottery.limits.tab_hot')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules">
          <RulesTab lotteries={lotteries} />
        </Tabs.Panel>
        <Tabs.Panel value="blocks">
          <BlocksTab lotteries={lotteries} />
        </Tabs.Panel>
        <Tabs.Panel value="hot">
          <HotTab lotteries={lotteries} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
