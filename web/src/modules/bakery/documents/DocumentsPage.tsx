import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { DocumentForm } from './DocumentForm.tsx';
import { DocumentHistory } from './DocumentHistory.tsx';

/**
 * Pedidos, extras and devoluciones: the form for whoever writes them (a route seller their own, the
 * admin anyone's), then the history. The semiadmin only consults every seller's history.
 */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const writes = useCan('bakery.documents.own', 'bakery.documents.manage');
  const managesDocuments = useCan('bakery.documents.manage');
  const seesAllSellers = useCan('bakery.documents.manage', 'bakery.history.all');
  return (
    <Stack gap="sm" maw={writes ? 640 : 960}>
      <PageTitle title={t(writes ? 'ui.bakery.documents.title' : 'ui.bakery.documents.history_title')} />
      {writes ? <DocumentForm managesDocuments={managesDocuments} /> : null}
      <DocumentHistory managesDocuments={managesDocuments} seesAllSellers={seesAllSellers} />
    </Stack>
  );
}
