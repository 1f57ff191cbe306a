import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import { AnomaliesTab } from './AnomaliesTab.tsx';
import { BoardTab } from './BoardTab.tsx';
import { PotsTab } from './PotsTab.tsx';

const KEYS = ['tab'] as const;

/** /lottery/risk: the live board (pizarra), anomalies and lay-offs. */
export default function RiskPage() {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams(KEYS);
  const tab = params.tab || 'board';
  return (
    <>
      <PageTitle title={t('ui.lottery.risk.title')} subtitle={t('ui.lottery.risk.subtitle')} />
      <Tabs value={tab} onChange={(value) => setParams({ tab: value })} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="board" data-testid="tab-board">
            {t('ui.lottery.risk.tab_board')}
          </Tabs.Tab>
          <Tabs.Tab value="anomalies" data-testid="tab-anomalies">
            {t('ui.lottery.risk.tab_anomalies')}
          </Tabs.Tab>
          <Tabs.Tab value="pots" data-testid="tab-pots">
            {t('ui.lottery.risk.tab_pots')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board">
          <BoardTab />
        </Tabs.Panel>
        <Tabs.Panel value="anomalies">
          <AnomaliesTab />
        </Tabs.Panel>
        <Tabs.Panel value="pots">
          <PotsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
