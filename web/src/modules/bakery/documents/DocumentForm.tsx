import { Alert, Button, Group, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { dateOutside, documentDateWindow } from '@matriz/shared/bakery/document-dates';
import type { DocumentKind } from '@matriz/shared/bakery/sale-math';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { type DocumentView, todayInBogota, useProducts, useSellers } from '../bakery.api.ts';
import { type LineInput, LineList, LineTotals, ScanField, useLineEditor } from './DocumentLines.tsx';

/**
 * The route seller's phone form: scan (the scanner types the code and Enter) or type a code, each
 * scan adds one unit or a new line; steppers adjust; totals run as lines change. The admin also
 * names the seller.
 */
export function DocumentForm({ managesDocuments }: { managesDocuments: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
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
  const scanRef = useRef<HTMLInputElement>(null);

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
    <Stack gap="sm">
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
    </Stack>
  );
}
