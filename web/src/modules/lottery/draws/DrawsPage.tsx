import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import { useOperatorSettings } from '../catalog.api.ts';
import { LotteriesTab } from './LotteriesTab.tsx';
import { TodayTab } from './TodayTab.tsx';
import { WeekTab } from './WeekTab.tsx';

const KEYS = ['tab', 'date', 'status', 'search'] as const;

/** /lottery/draws: the day's draws with countdowns, the weekly schedule and the lotteries. */
export default function DrawsPage() {
  const { t } = useTranslation();
  const canManage = useCan('lottery.catalog.manage');
  const settings = useOperatorSettings();
  const [params, setParams] = useUrlParams(KEYS);
  const tab = params.tab || 'today';
  return (
    <>
      <PageTitle title={t('ui.lottery.draws.title')} subtitle={t('ui.lottery.draws.subtitle')} />
      <Tabs value={tab} onChange={(value) => setParams({ tab: value })} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="today" data-testid="tab-today">
            {t('ui.lottery.draws.today')}
          </Tabs.Tab>
          <Tabs.Tab value="week" data-testid="tab-week">
            {t('ui.lottery.draws.week')}
          </Tabs.Tab>
          <Tabs.Tab value="lotteries" data-testid="tab-lotteries">
            {t('ui.lottery.draws.lotteries')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="today">
          <TodayTab
            canManage={canManage}
            operatorZone={settings.data?.time_zone ?? 'America/Santo_Domingo'}
            date={params.date}
            status={params.status}
            search={params.search}
            onFilter={setParams}
          />
        </Tabs.Panel>
        <Tabs.Panel value="week">
          <WeekTab />
        </Tabs.Panel>
        <Tabs.Panel value="lotteries">
          <LotteriesTab canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
