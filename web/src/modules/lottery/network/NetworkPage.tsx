import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import { AgentsTab } from './AgentsTab.tsx';
import { BancasTab } from './BancasTab.tsx';
import { PeopleTab } from './PeopleTab.tsx';
import { ZonesTab } from './ZonesTab.tsx';

const KEYS = ['tab', 'people_banca', 'people_zone'] as const;

/** /lottery/network: zones, bancas, who works where, external agents. */
export default function NetworkPage() {
  const { t } = useTranslation();
  const canManage = useCan('lottery.network.manage');
  const [params, setParams] = useUrlParams(KEYS);
  const tab = params.tab || 'bancas';
  return (
    <>
      <PageTitle title={t('ui.lottery.network.title')} subtitle={t('ui.lottery.network.subtitle')} />
      <Tabs value={tab} onChange={(value) => setParams({ tab: value })} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="bancas" data-testid="tab-bancas">
            {t('ui.lottery.network.bancas')}
          </Tabs.Tab>
          <Tabs.Tab value="zones" data-testid="tab-zones">
            {t('ui.lottery.network.zones')}
          </Tabs.Tab>
          <Tabs.Tab value="people" data-testid="tab-people">
            {t('ui.lottery.network.people')}
          </Tabs.Tab>
          <Tabs.Tab value="agents" data-testid="tab-agents">
            {t('ui.lottery.network.agents')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="bancas">
          <BancasTab
            canManage={canManage}
            onShowPeople={(bancaId) => setParams({ tab: 'people', people_banca: bancaId, people_zone: null })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="zones">
          <ZonesTab canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="people">
          <PeopleTab
            canManage={canManage}
            bancaId={params.people_banca}
            zoneId={params.people_zone}
            onFilter={(patch) => setParams({ people_banca: patch.banca, people_zone: patch.zone })}
          />
        </Tabs.Panel>
        <Tabs.Panel value="agents">
          <AgentsTab canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
