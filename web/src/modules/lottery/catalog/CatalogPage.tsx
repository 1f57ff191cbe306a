import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import { BetTypesTab } from './BetTypesTab.tsx';
import { CommissionsTab } from './CommissionsTab.tsx';
import { PrizesTab } from './PrizesTab.tsx';

const KEYS = ['tab'] as const;

/** /lottery/catalog: bet types, prize tables and commission schemes. */
export default function CatalogPage() {
  const { t } = useTranslation();
  const canManage = useCan('lottery.catalog.manage');
  const [params, setParams] = useUrlParams(KEYS);
  const tab = params.tab || 'bet-types';
  return (
    <>
      <PageTitle title={t('ui.lottery.catalog.title')} subtitle={t('ui.lottery.catalog.subtitle')} />
      <Tabs value={tab} onChange={(value) => setParams({ tab: value })} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="bet-types" data-testid="tab-bet-types">
            {t('ui.lottery.catalog.bet_types')}
          </Tabs.Tab>
          <Tabs.Tab value="prizes" data-testid="tab-prizes">
            {t('ui.lottery.catalog.prizes')}
          </Tabs.Tab>
          <Tabs.Tab value="commissions" data-testid="tab-commissions">
            {t('ui.lottery.catalog.commissions')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="bet-types">
          <BetTypesTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="prizes">
          <PrizesTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="commissions">
          <CommissionsTab canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
