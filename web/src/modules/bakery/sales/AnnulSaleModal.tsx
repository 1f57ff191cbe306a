import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import type { SaleSummary } from '../bakery.api.ts';
import { ReasonField, validReason } from '../documents/DocumentActions.tsx';

/** The admin annuls a confirmed sale with a reason (3–500 characters) that goes to the audit. */
export function AnnulSaleModal({
  sale,
  onDone,
  onCancel,
}: {
  sale: SaleSummary;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const annul = useMutation({
    mutationFn: () => api.post(`/bakery/sales/${sale.id}/annul`, { reason: reason.trim() }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['bakery'] });
      onDone();
    },
  });
  const close = () => !annul.isPending && onCancel();
  return (
    <Modal
      opened
      onClose={close}
      title={t('ui.bakery.sales.annul_title', { seller: sale.seller_name, date: sale.date })}
      centered
      data-testid="sale-annul-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">{t('ui.bakery.sales.annul_confirm')}</Text>
        <ReasonField value={reason} onChange={setReason} />
        <ErrorAlert error={annul.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close} disabled={annul.isPending}>
            {t('ui.common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => annul.mutate()}
            loading={annul.isPending}
            disabled={!validReason(reason)}
            data-testid="sale-annul-submit"
          >
            {t('ui.bakery.sales.annul')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
