import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { API_BASE } from '../../../app/api.ts';
import type { PageProps } from '../../../app/guards.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageLoader } from '../../../ui/PageLoader.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { ticketsKey, ticketUrls, useTicket } from '../tickets/tickets.api.ts';

const FORMATS = ['thermal_58mm', 'thermal_80mm', 'A4'] as const;
const FRAME_WIDTH: Record<string, string> = { thermal_58mm: '260px', thermal_80mm: '340px', A4: '100%' };
const ROLL_WIDTH_MM: Record<string, number> = { thermal_58mm: 58, thermal_80mm: 80 };

/** The ticket as it would print, marked VISTA PREVIA: looking at it counts nothing. */
const previewUrl = (code: string, format?: string) =>
  `${API_BASE}/lottery/tickets/${encodeURIComponent(code)}/preview${format ? `?format=${format}` : ''}`;

/**
 * A page size cannot say "as long as the ticket", so the roll page asks for 297 mm; before printing,
 * shorten it to the tallest copy so a driver that does not trim feeds no blank paper.
 */
function fitRollPage(doc: Document): void {
  const width = ROLL_WIDTH_MM[doc.body.dataset.format ?? ''];
  const copies = [...doc.querySelectorAll('[data-testid="print-ticket"]')];
  if (!width || copies.length === 0) return;
  const tallestPx = Math.max(...copies.map((copy) => copy.getBoundingClientRect().height));
  const style = doc.createElement('style');
  style.textContent = `@page { size: ${width}mm ${Math.ceil((tallestPx * 25.4) / 96) + 2}mm; }`;
  doc.head.append(style);
}

/**
 * The print page after a sale (and for reprints). It shows the ticket's preview; every print fetches
 * the ticket anew from the server, which makes the first one the original and counts every later one
 * as a reprint. Coming from CONFIRMAR or Reimprimir (`?auto=1`) it prints at once.
 */
export default function PrintPage(_props: PageProps) {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const ticket = useTicket(code);
  const [format, setFormat] = useState<string | null>(null);
  const [printRun, setPrintRun] = useState(() => (params.get('auto') === '1' ? 1 : 0));
  const [printing, setPrinting] = useState(printRun > 0);
  const frame = useRef<HTMLIFrameElement>(null);
  const printed = useRef(0);
  const effective = format ?? ticket.data?.print.format ?? 'thermal_80mm';

  useEffect(() => {
    document.title = `${t('ui.lottery.print.title')} ${code}`;
  }, [code, t]);

  if (ticket.isPending) return <PageLoader />;
  if (ticket.error) return <ErrorAlert error={ticket.error} onRetry={() => void ticket.refetch()} />;

  const printable = ticket.data.status !== 'cancelled';
  const showsPrint = printing && printable;

  const onLoad = () => {
    if (!showsPrint || printed.current === printRun) return;
    printed.current = printRun;
    void queryClient.invalidateQueries({ queryKey: ticketsKey });
    // A reload must not print (and count) again.
    if (params.has('auto')) setParams({}, { replace: true });
    const doc = frame.current?.contentDocument;
    // Automated browsers skip the system dialog.
    if (!doc?.querySelector('[data-testid="print-ticket"]') || navigator.webdriver) return;
    fitRollPage(doc);
    frame.current?.contentWindow?.print();
  };

  const print = () => {
    setPrinting(true);
    setPrintRun((run) => run + 1);
  };

  const changeFormat = (value: string) => {
    setFormat(value);
    setPrinting(false);
  };

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
            <Button onClick={print} disabled={!printable} data-testid="print-button" autoFocus>
              {t('ui.lottery.print.print')}
            </Button>
          </>
        }
      />
      <Text size="sm" c={printable ? 'dimmed' : 'red'} data-testid="print-note">
        {printable ? t('ui.lottery.print.counted') : t('ui.lottery.print.cancelled')}
      </Text>
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={effective}
          onChange={changeFormat}
          data={FORMATS.map((f) => ({
            value: f,
            label: t(`ui.lottery.print_formats.${f}`, { defaultValue: f }),
          }))}
          data-testid="print-format"
        />
        <Text size="sm">
          {printable ? (
            <>
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
            </>
          ) : null}
          <Anchor component={Link} to={`/lottery/tickets/${code}`}>
            {t('ui.lottery.print.detail')}
          </Anchor>
        </Text>
      </Group>
      <Paper withBorder p={0} bg="gray.1" style={{ overflow: 'auto' }}>
        <iframe
          ref={frame}
          key={showsPrint ? `${effective}-${printRun}` : `${effective}-preview`}
          title={t('ui.lottery.print.title')}
          src={
            showsPrint ? ticketUrls.print(code, format ?? undefined) : previewUrl(code, format ?? undefined)
          }
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
