import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PageProps } from '../../../app/guards.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { ticketUrls, useTicket } from '../tickets/tickets.api.ts';

const FORMATS = ['thermal_58mm', 'thermal_80mm', 'A4'] as const;
const FRAME_WIDTH: Record<string, string> = { thermal_58mm: '260px', thermal_80mm: '340px', A4: '100%' };

/**
 * The print page after a sale (and for reprints): the server's print-ready ticket in the banca's
 * format, printed at once when it comes from CONFIRMAR (`?auto=1`), with PDF and ESC/POS links.
 */
export default function PrintPage(_props: PageProps) {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const ticket = useTicket(code);
  const [format, setFormat] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const printed = useRef(false);
  const effective = format ?? ticket.data?.print.format ?? 'thermal_80mm';

  useEffect(() => {
    document.title = `${t('ui.lottery.print.title')} ${code}`;
  }, [code, t]);

  const onLoad = () => {
    // Confirm prints immediately; automated browsers skip the system dialog.
    if (params.get('auto') === '1' && !printed.current && !navigator.webdriver) {
      printed.current = true;
      frame.current?.contentWindow?.print();
    }
  };

  if (ticket.isPending) return <PageLoader />;
  if (ticket.error) return <ErrorAlert error={ticket.error} onRetry={() => void ticket.refetch()} />;

  return (
    <Stack gap="sm" data-testid="print-page">
      <PageTitle
        title={`${t('ui.lottery.print.title')} ${code}`}
        subtitle={
          ticket.data.reprint_count > 0
            ? t('ui.lottery.print.reprint', { count: ticket.data.reprint_count })
            : t('ui.lottery.print.copies', { count: ticket.data.print.copies })
        }
        actions={
          <>
            <Button component={Link} to="/lottery/sell" variant="default" data-testid="print-new-sale">
              {t('ui.lottery.print.new_sale')}
            </Button>
            <Button
              onClick={() => frame.current?.contentWindow?.print()}
              data-testid="print-button"
              autoFocus
            >
              {t('ui.lottery.print.print')}
            </Button>
          </>
        }
      />
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={effective}
          onChange={setFormat}
          data={FORMATS.map((f) => ({
            value: f,
            label: t(`ui.lottery.print_formats.${f}`, { defaultValue: f }),
          }))}
          data-testid="print-format"
        />
        <Text size="sm">
          PDF:{' '}
          {FORMATS.map((f) => (
            <Anchor
              key={f}
              href={ticketUrls.pdf(code, f)}
              target="_blank"
              mr="xs"
              data-testid={`print-pdf-${f}`}
            >
              {f.replace('thermal_', '')}
            </Anchor>
          ))}
          · <Anchor href={ticketUrls.escpos(code)}>ESC/POS</Anchor> ·{' '}
          <Anchor component={Link} to={`/lottery/tickets/${code}`}>
            {t('ui.lottery.print.detail')}
          </Anchor>
        </Text>
      </Group>
      <Paper withBorder p={0} bg="gray.1" style={{ overflow: 'auto' }}>
        <iframe
          ref={frame}
          key={effective}
          title={t('ui.lottery.print.title')}
          src={ticketUrls.print(code, format ?? undefined)}
          onLoad={onLoad}
          style={{
            display: 'block',
            margin: '0 auto',
            width: FRAME_WIDTH[effective],
            height: '75vh',
            border: 0,
          }}
          data-testid="print-frame"
        />
      </Paper>
    </Stack>
  );
}
