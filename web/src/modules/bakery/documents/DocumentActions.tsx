import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { type DocumentView, useProducts, useSellers } from '../bakery.api.ts';
import { type LineInput, LineList, LineTotals, linesOf, ScanField, useLineEditor } from './DocumentLines.tsx';

export type DocumentAction = 'edit' | 'reassign' | 'annul';

/** The server edits, reassigns or annuls a document only while no sale has used it. */
export const isUnused = (d: DocumentView) =>
  d.status === 'pendiente' && d.sale_id === null && d.used_as_return_sale_id === null;

/** The server's own rule for a reason (trimmed, 3 to 500 characters). */
export const validReason = (reason: string) => reason.trim().length >= 3 && reason.trim().length <= 500;

/** Editar · Reasignar · Anular for one document; shown only to the admin, only while unused. */
export function DocumentActionButtons({
  document,
  onAction,
}: {
  document: DocumentView;
  onAction: (action: DocumentAction) => void;
}) {
  const { t } = useTranslation();
  if (!isUnused(document)) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="document-actions">
      <Button size="compact-sm" variant="light" onClick={() => onAction('edit')} data-testid="document-edit">
        {t('ui.bakery.documents.action_edit')}
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        onClick={() => onAction('reassign')}
        data-testid="document-reassign"
      >
        {t('ui.bakery.documents.action_reassign')}
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        color="red"
        onClick={() => onAction('annul')}
        data-testid="document-annul"
      >
        {t('ui.bakery.documents.action_annul')}
      </Button>
    </Group>
  );
}

/** The dialog of the chosen action; mount it with a key per document and action so it starts clean. */
export function DocumentActionModal({
  action,
  document,
  onClose,
}: {
  action: DocumentAction;
  document: DocumentView;
  onClose: () => void;
}) {
  if (action === 'edit') return <EditModal document={document} onClose={onClose} />;
  if (action === 'reassign') return <ReassignModal document={document} onClose={onClose} />;
  return <AnnulModal document={document} onClose={onClose} />;
}

export function ReasonField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('ui.bakery.documents.reason')}
      description={t('ui.bakery.documents.reason_hint')}
      required
      autosize
      minRows={2}
      maxLength={500}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-testid="document-reason"
    />
  );
}

function useDocumentMutation<T>(
  onClose: () => void,
  send: (body: T) => Promise<{ document: DocumentView }>,
  success: (document: DocumentView) => string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: ({ document }) => {
      notifySuccess(success(document));
      // Documents feed the sale proposals and panels too.
      void queryClient.invalidateQueries({ queryKey: ['bakery'] });
      onClose();
    },
  });
}

function Buttons({
  busy,
  disabled,
  danger = false,
  label,
  onCancel,
  onSubmit,
}: {
  busy: boolean;
  disabled: boolean;
  danger?: boolean;
  label: string;
  onCancel: () => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="xs" mt="xs">
      <Button variant="default" onClick={onCancel} disabled={busy} data-testid="document-action-cancel">
        {t('ui.common.cancel')}
      </Button>
      <Button
        color={danger ? 'red' : undefined}
        onClick={onSubmit}
        loading={busy}
        disabled={disabled}
        data-testid="document-action-submit"
      >
        {label}
      </Button>
    </Group>
  );
}

function EditModal({ document, onClose }: { document: DocumentView; onClose: () => void }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 36em)');
  const products = useProducts(true);
  const editor = useLineEditor(products.data, linesOf(document));
  const [comments, setComments] = useState(document.comments);
  const [reason, setReason] = useState('');
  const save = useDocumentMutation(
    onClose,
    (lines: LineInput[]) =>
      api.patch<{ document: DocumentView }>(`/bakery/documents/${document.id}`, {
        comments,
        lines,
        reason: reason.trim(),
      }),
    (d) => t('ui.bakery.documents.edited', { code: d.code }),
  );
  const close = () => !save.isPending && onClose();
  return (
    <Modal
      opened
      onClose={close}
      title={t('ui.bakery.documents.edit_title', { code: document.code })}
      size="lg"
      fullScreen={narrow}
      data-testid="document-edit-dialog"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(`ui.bakery.kind.${document.kind}`)} · {document.date} · {document.seller_name}
        </Text>
        <ScanField editor={editor} testId="edit-scan-input" />
        {products.error ? <ErrorAlert error={products.error} /> : null}
        <LineList editor={editor} testId="edit-document-lines" />
        <LineTotals editor={editor} testId="edit-document-totals" />
        <Textarea
          label={t('ui.bakery.common.comments')}
          value={comments}
          onChange={(e) => setComments(e.currentTarget.value)}
          maxLength={500}
        />
        <ReasonField value={reason} onChange={setReason} />
        <ErrorAlert error={save.error} />
        <Buttons
          busy={save.isPending}
          disabled={editor.lines.length === 0 || !validReason(reason)}
          label={t('ui.bakery.documents.save_changes')}
          onCancel={close}
          onSubmit={() => {
            const lines = editor.submitLines();
            if (lines) save.mutate(lines);
          }}
        />
      </Stack>
    </Modal>
  );
}

function ReassignModal({ document, onClose }: { document: DocumentView; onClose: () => void }) {
  const { t } = useTranslation();
  const sellers = useSellers(true);
  const [sellerId, setSellerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const reassign = useDocumentMutation(
    onClose,
    () =>
      api.post<{ document: DocumentView }>(`/bakery/documents/${document.id}/reassign`, {
        seller_id: sellerId,
        reason: reason.trim(),
      }),
    (d) => t('ui.bakery.documents.reassigned', { code: d.code, seller: d.seller_name }),
  );
  const close = () => !reassign.isPending && onClose();
  return (
    <Modal
      opened
      onClose={close}
      title={t('ui.bakery.documents.reassign_title', { code: document.code })}
      centered
      data-testid="document-reassign-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">{t('ui.bakery.documents.current_seller', { seller: document.seller_name })}</Text>
        <Select
          label={t('ui.bakery.documents.new_seller')}
          required
          searchable
          data={(sellers.data ?? [])
            .filter((s) => s.active && s.id !== document.seller_id)
            .map((s) => ({ value: s.id, label: `${s.full_name} (${s.username})` }))}
          value={sellerId}
          onChange={setSellerId}
          data-testid="reassign-seller"
        />
        {sellers.error ? <ErrorAlert error={sellers.error} /> : null}
        <ReasonField value={reason} onChange={setReason} />
        <ErrorAlert error={reassign.error} />
        <Buttons
          busy={reassign.isPending}
          disabled={!sellerId || !validReason(reason)}
          label={t('ui.bakery.documents.action_reassign')}
          onCancel={close}
          onSubmit={() => reassign.mutate(undefined)}
        />
      </Stack>
    </Modal>
  );
}

function AnnulModal({ document, onClose }: { document: DocumentView; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const annul = useDocumentMutation(
    onClose,
    () =>
      api.post<{ document: DocumentView }>(`/bakery/documents/${document.id}/annul`, {
        reason: reason.trim(),
      }),
    (d) => t('ui.bakery.documents.annulled', { code: d.code }),
  );
  const close = () => !annul.isPending && onClose();
  return (
    <Modal
      opened
      onClose={close}
      title={t('ui.bakery.documents.annul_title', { code: document.code })}
      centered
      data-testid="document-annul-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('ui.bakery.documents.annul_message', { code: document.code, seller: document.seller_name })}
        </Text>
        <ReasonField value={reason} onChange={setReason} />
        <ErrorAlert error={annul.error} />
        <Buttons
          busy={annul.isPending}
          danger
          disabled={!validReason(reason)}
          label={t('ui.bakery.documents.annul_confirm')}
          onCancel={close}
          onSubmit={() => annul.mutate(undefined)}
        />
      </Stack>
    </Modal>
  );
}
