import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { dateOutside, documentDateWindow } from '@matriz/shared/bakery/document-dates';
import type { DocumentKind } from '@matriz/shared/bakery/sale-math';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { type DocumentView, todayInBogota, useProducts, useSellers } from '../bakery.api.ts';
import { type DocumentAction, DocumentActionButtons, DocumentActionModal } from './DocumentActions.tsx';
import { type LineInput, LineList, LineTotals, ScanField, useLineEditor } from './DocumentLines.tsx';

/**
 * The route seller's phone form: scan (the scanner types the code and Enter) or type a code, each
 * scan adds one unit or a new line; steppers adjust; totals run as lines change. Below, the recent
 * documents; the admin edits, reassigns or annuls those still unused, each with a reason.
 */
export default function DocumentsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const managesDocuments = useCan('bakery.documents.manage');
  const products = useProducts(true);
  const sellers = useSellers(managesDocuments);
  const [kind, setKind] = useState<DocumentKind>('PD');
  const [sellerId, setSellerId] = useState<string | null>(null);
  const today = todayInBogota();
  const [date, setDate] = useState(today);
  const dateWindow = documentDateWindow(today, managesDocuments);
  const dateProblem = dateOutside(date, dateWindow);
  const editor = useLineEditor(products.data);
  const [comments, setComments] = useState('');
  const [created, setCreated] = useState<DocumentView | null>(null);
  const [action, setAction] = useState<{ action: DocumentAction; document: DocumentView } | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  const recent = useQuery({
    queryKey: ['bakery', 'documents', 'recent'],
    queryFn: ({ signal }) =>
      api.get<{ items: DocumentView[] }>('/bakery/documents', { query: { page_size: 20 }, signal }),
  });

  const submit = useMutation({
    mutationFn: (lines: LineInput[]) =>
      api.post<{ document: DocumentView }>('/bakery/documents', {
        kind,
        date,
        comments,
        ...(managesDocuments && sellerId ? { seller_id: sellerId } : {}),
        lines,
      }),
    onSuccess: ({ document }) => {
      setCreated(document);
      editor.reset();
      setComments('');
      notifySuccess(t('ui.bakery.documents.created', { code: document.code }));
      void queryClient.invalidateQueries({ queryKey: ['bakery', 'documents'] });
      scanRef.current?.focus();
    },
    onError: (error) => notifyError(error),
  });

  return (
    <Stack gap="sm" maw={640}>
      <PageTitle title={t('ui.bakery.documents.title')} />
      <SegmentedControl
        fullWidth
        value={kind}
        onChange={(value) => setKind(value as DocumentKind)}
        data={(['PD', 'EX', 'DV'] as const).map((k) => ({ value: k, label: t(`ui.bakery.kind.${k}`) }))}
        data-testid="document-kind"
      />
      <Group grow>
        <TextInput
          type="date"
          label={t('ui.bakery.common.date')}
          value={date}
          min={dateWindow.min}
          max={dateWindow.max}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={
            dateProblem === 'too_early'
              ? t('ui.bakery.documents.date_too_early', { min: dateWindow.min })
              : dateProblem === 'too_late'
                ? t('ui.bakery.documents.date_too_late', { max: dateWindow.max })
                : null
          }
          data-testid="document-date"
        />
        {managesDocuments ? (
          <Select
            label={t('ui.bakery.common.seller')}
            data={(sellers.data ?? [])
              .filter((s) => s.active)
              .map((s) => ({ value: s.id, label: s.full_name }))}
            value={sellerId}
            onChange={setSellerId}
            searchable
            data-testid="document-seller"
          />
        ) : null}
      </Group>
      <ScanField editor={editor} inputRef={scanRef} autoFocus size="lg" />
      {products.error ? <ErrorAlert error={products.error} /> : null}
      <LineList editor={editor} />
      <LineTotals editor={editor} />
      <Textarea
        label={t('ui.bakery.common.comments')}
        value={comments}
        onChange={(e) => setComments(e.currentTarget.value)}
        maxLength={500}
      />
      <Button
        size="lg"
        onClick={() => {
          const lines = editor.submitLines();
          if (lines) submit.mutate(lines);
        }}
        loading={submit.isPending}
        disabled={editor.lines.length === 0 || (managesDocuments && !sellerId) || dateProblem !== null}
        data-testid="submit-document"
      >
        {t('ui.bakery.documents.submit', { kind: t(`ui.bakery.kind.${kind}`) })}
      </Button>
      {created ? (
        <Alert color="green" data-testid="created-document">
          {t('ui.bakery.documents.created', { code: created.code })}
        </Alert>
      ) : null}

      <Text fw={700} mt="md">
        {t(managesDocuments ? 'ui.bakery.documents.recent_all' : 'ui.bakery.documents.recent')}
      </Text>
      {recent.error ? <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} /> : null}
      <Stack gap={6} data-testid="document-list">
        {(recent.data?.items ?? []).map((d) => (
          <Card key={d.id} withBorder padding="xs" data-testid="document-row" data-code={d.code}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={600} size="sm">
                  {d.code} · {t(`ui.bakery.kind.${d.kind}`)}
                </Text>
                <Text size="xs" c="dimmed" data-testid="document-meta">
                  {d.date} · {d.seller_name} · {t('ui.bakery.documents.units', { units: d.total_quantity })}
                </Text>
              </Stack>
              <Group gap="xs" wrap="wrap" justify="flex-end">
                {managesDocuments ? (
                  <DocumentActionButtons
                    document={d}
                    onAction={(chosen) => setAction({ action: chosen, document: d })}
                  />
                ) : null}
                <Badge
                  color={d.status === 'pendiente' ? 'yellow' : d.status === 'usado' ? 'green' : 'gray'}
                  data-testid="document-status"
                  data-status={d.status}
                >
                  {t(`ui.bakery.status.${d.status}`)}
                </Badge>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
      {action ? (
        <DocumentActionModal
          key={`${action.action}-${action.document.id}`}
          action={action.action}
          document={action.document}
          onClose={() => setAction(null)}
        />
      ) : null}
    </Stack>
  );
}
