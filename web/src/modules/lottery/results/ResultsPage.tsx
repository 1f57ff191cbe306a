import { Badge, Button, Group, Modal, Select, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import type { CurrencyFormat } from '@matriz/shared/money';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api.ts';
import { useCan } from '../../../app/session.ts';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { type Column, DataTable } from '../../../ui/DataTable.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { useUrlParams } from '../../../ui/useUrlParams.ts';
import { betTypeName, money, useCurrency } from '../tickets/tickets.api.ts';
import {
  type ResultDrawView,
  type ResultInput,
  useResultMutations,
  useResults,
  useWinners,
} from './results.api.ts';

const STATUS_COLOURS: Record<string, string> = {
  scheduled: 'gray',
  open: 'green',
  closed: 'orange',
  resulted: 'blue',
  settled: 'violet',
};

const KEYS = ['tab', 'date', 'lottery', 'draw'] as const;

/** The fields a result takes, by the lottery's format. */
function ResultForm({
  draw,
  correcting,
  onDone,
}: {
  draw: ResultDrawView;
  correcting: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { publish, correct } = useResultMutations();
  const [fields, setFields] = useState<Record<string, string>>({ ball: 'white' });
  const [error, setError] = useState<string | null>(null);
  // Read the value now: by the time React runs the updater, the event's currentTarget is null.
  const set = (key: string) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((f) => ({ ...f, [key]: value }));
  };
  const format = draw.result_format;
  // What the operator typed, said back in the confirmation before it goes live.
  const typedResult =
    format === 'quiniela'
      ? [fields.first, fields.second, fields.third].join('-')
      : format === 'tiempos'
        ? `${fields.number ?? ''} · ${t(`ui.lottery.results.${fields.ball === 'red' ? 'red' : 'white'}`)}${fields.ball === 'red' ? ` ×${fields.reventado ?? ''}` : ''}`
        : (fields.numbers ?? '');
  const submit = async () => {
    const body: ResultInput = { lottery: draw.lottery, draw_date: draw.draw_date, draw_time: draw.draw_time };
    if (format === 'quiniela')
      Object.assign(body, { first: fields.first, second: fields.second, third: fields.third });
    else if (format === 'tiempos')
      Object.assign(body, {
        number: fields.number,
        ball: fields.ball as 'red' | 'white',
        reventado_multiplier: fields.reventado ? Number(fields.reventado) : undefined,
      });
    else body.numbers = fields.numbers;
    if (correcting) body.reason = fields.reason;
    setError(null);
    try {
      await (correcting ? correct : publish).mutateAsync(body);
      notifySuccess(t('ui.lottery.results.saved', { lottery: draw.lottery }));
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Stack>
      <Text fw={600}>
        {draw.lottery_name} · {draw.draw_date} {draw.draw_time}
      </Text>
      {format === 'quiniela' && (
        <Group grow>
          <TextInput
            label={t('ui.lottery.results.first')}
            maxLength={2}
            onChange={set('first')}
            data-testid="result-first"
            autoFocus
          />
          <TextInput
            label={t('ui.lottery.results.second')}
            maxLength={2}
            onChange={set('second')}
            data-testid="result-second"
          />
          <TextInput
            label={t('ui.lottery.results.third')}
            maxLength={2}
            onChange={set('third')}
            data-testid="result-third"
          />
        </Group>
      )}
      {['pick3', 'pick4', 'pick5'].includes(format) && (
        <TextInput
          label={t('ui.lottery.results.numbers')}
          maxLength={5}
          onChange={set('numbers')}
          data-testid="result-numbers"
          autoFocus
        />
      )}
      {format === 'tiempos' && (
        <Group grow>
          <TextInput
            label={t('ui.lottery.results.number')}
            maxLength={2}
            onChange={set('number')}
            autoFocus
          />
          <Select
            label={t('ui.lottery.results.ball')}
            data={[
              { value: 'white', label: t('ui.lottery.results.white') },
              { value: 'red', label: t('ui.lottery.results.red') },
            ]}
            value={fields.ball}
            onChange={(value) => setFields((f) => ({ ...f, ball: value ?? 'white' }))}
          />
          <TextInput
            label={t('ui.lottery.results.reventado')}
            onChange={set('reventado')}
            disabled={fields.ball !== 'red'}
          />
        </Group>
      )}
      {correcting && (
        <Textarea label={t('ui.lottery.results.reason')} minRows={2} onChange={set('reason')} required />
      )}
      {error && (
        <Text c="red" size="sm" data-testid="result-error">
          {error}
        </Text>
      )}
      <Group justify="flex-end">
        <ConfirmButton
          onConfirm={submit}
          loading={publish.isPending || correct.isPending}
          color={correcting ? 'red' : undefined}
          danger={correcting}
          confirmMessage={t(
            correcting ? 'ui.lottery.results.correct_confirm' : 'ui.lottery.results.publish_confirm',
            {
              result: typedResult,
              lottery: draw.lottery_name,
              date: draw.draw_date,
              time: draw.draw_time,
            },
          )}
          data-testid="result-save"
        >
          {correcting ? t('ui.lottery.results.correct') : t('ui.lottery.results.publish')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}

function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { importCsv } = useResultMutations();
  const [csv, setCsv] = useState(
    'lottery,draw_date,draw_time,first,second,third,numbers,number,ball,reventado_multiplier\n',
  );
  const [error, setError] = useState<string | null>(null);
  const [lines, setLines] = useState<{ line: number; field: string; code: string }[]>([]);
  const submit = async () => {
    setError(null);
    setLines([]);
    try {
      const done = await importCsv.mutateAsync(csv);
      notifySuccess(t('ui.lottery.results.imported', { count: done.imported }));
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      const details = (e as { details?: { errors?: { line: number; field: string; code: string }[] } })
        .details;
      setLines(details?.errors ?? []);
    }
  };
  return (
    <Stack>
      <Textarea
        autosize
        minRows={8}
        value={csv}
        onChange={(e) => setCsv(e.currentTarget.value)}
        ff="monospace"
      />
      <input
        type="file"
        accept=".csv,text/csv"
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (file) setCsv(await file.text());
        }}
      />
      {error && (
        <Text c="red" size="sm">
          {error}
        </Text>
      )}
      {lines.map((l) => (
        <Text key={`${l.line}-${l.field}`} size="sm" c="red">
          {t('ui.lottery.results.csv_line', { line: l.line, field: l.field, code: l.code })}
        </Text>
      ))}
      <Group justify="flex-end">
        <Button onClick={submit} loading={importCsv.isPending}>
          {t('ui.lottery.results.import')}
        </Button>
      </Group>
    </Stack>
  );
}

function Winners({ drawId, currency }: { drawId: string; currency: CurrencyFormat }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const winners = useWinners(drawId, page);
  const data = winners.data;
  return (
    <Stack>
      {data && (
        <Text fw={600}>
          {data.draw.lottery} {data.draw.draw_date} {data.draw.draw_time} · {data.draw.result_text ?? '—'}
        </Text>
      )}
      <DataTable
        rows={data?.items}
        rowKey={(w) => `${w.code}-${w.line_number}`}
        loading={winners.isFetching}
        error={winners.error}
        page={page}
        pageSize={50}
        total={data?.total}
        onPageChange={setPage}
        emptyText={t('ui.lottery.results.no_winners')}
        columns={[
          { key: 'code', header: t('ui.lottery.results.ticket'), render: (w) => w.code, nowrap: true },
          {
            key: 'banca',
            header: t('ui.lottery.results.banca'),
            render: (w) => `${w.banca_code} ${w.banca_name}`,
          },
          {
            key: 'play',
            header: t('ui.lottery.results.play'),
            render: (w) => `${betTypeName(w.bet_type, i18n.language)} ${w.bet_number}`,
          },
          {
            key: 'class',
            header: t('ui.lottery.results.class'),
            render: (w) =>
              w.prize_class
                ? t(`ui.lottery.prize_classes.${w.prize_class}`, { defaultValue: w.prize_class })
                : '—',
          },
          {
            key: 'bet',
            header: t('ui.lottery.results.bet'),
            render: (w) => money(w.bet_amount, currency),
            align: 'right',
          },
          {
            key: 'prize',
            header: t('ui.lottery.results.prize'),
            render: (w) => money(w.prize_amount, currency),
            align: 'right',
          },
          {
            key: 'status',
            header: t('ui.lottery.common.status'),
            render: (w) =>
              t(`ui.lottery.ticket_status.${w.ticket_status}`, { defaultValue: w.ticket_status }),
          },
        ]}
      />
    </Stack>
  );
}

/** /lottery/results: the day's draws and their state, results entry (and correction), search, winners. */
export default function ResultsPage() {
  const { t } = useTranslation();
  const canPublish = useCan('lottery.results.publish');
  const canCorrect = useCan('lottery.results.correct');
  const currency = useCurrency();
  const [params, setParams] = useUrlParams(KEYS);
  const tab = params.tab || 'day';
  const results = useResults({
    date: params.date || undefined,
    lottery: params.lottery || undefined,
    resulted: tab === 'search' ? 'true' : undefined,
  });
  const [entering, setEntering] = useState<{ draw: ResultDrawView; correcting: boolean } | null>(null);
  const [importing, setImporting] = useState(false);

  const columns: Column<ResultDrawView>[] = [
    {
      key: 'lottery',
      header: t('ui.lottery.results.lottery'),
      render: (d) => `${d.lottery} · ${d.lottery_name}`,
    },
    {
      key: 'time',
      header: t('ui.lottery.results.time'),
      render: (d) => `${d.draw_date} ${d.draw_time}`,
      nowrap: true,
    },
    {
      key: 'status',
      header: t('ui.lottery.common.status'),
      render: (d) => (
        <Badge color={STATUS_COLOURS[d.status] ?? 'gray'}>{t(`ui.lottery.results.status_${d.status}`)}</Badge>
      ),
    },
    {
      key: 'result',
      header: t('ui.lottery.results.result'),
      render: (d) => <Text ff="monospace">{d.result_text ?? '—'}</Text>,
    },
    {
      key: 'winners',
      header: t('ui.lottery.results.winners'),
      render: (d) => (d.status === 'settled' ? `${d.winning_lines} · ${d.prize_total.toFixed(2)}` : '—'),
      align: 'right',
    },
    {
      key: 'actions',
      header: '',
      nowrap: true,
      render: (d) => (
        <Group gap="xs" wrap="nowrap">
          {canPublish && d.result === null && d.result_format !== 'composite' && d.status === 'closed' && (
            <Button
              size="xs"
              onClick={() => setEntering({ draw: d, correcting: false })}
              data-testid={`enter-${d.lottery}`}
            >
              {t('ui.lottery.results.enter')}
            </Button>
          )}
          {canCorrect && d.result !== null && d.result_format !== 'composite' && (
            <Button
              size="xs"
              variant="light"
              color="red"
              onClick={() => setEntering({ draw: d, correcting: true })}
            >
              {t('ui.lottery.results.correct')}
            </Button>
          )}
          {d.status === 'settled' && (
            <Button size="xs" variant="subtle" onClick={() => setParams({ tab: 'winners', draw: d.draw_id })}>
              {t('ui.lottery.results.winners')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('ui.lottery.results.title')} subtitle={t('ui.lottery.results.subtitle')} />
      <Group mb="sm" align="flex-end">
        <TextInput
          type="date"
          label={t('ui.lottery.results.date')}
          value={params.date || results.data?.date || ''}
          onChange={(e) => setParams({ date: e.currentTarget.value })}
        />
        <TextInput
          label={t('ui.lottery.results.lottery')}
          placeholder="REAL"
          value={params.lottery}
          onChange={(e) => setParams({ lottery: e.currentTarget.value.toUpperCase() })}
        />
        {canPublish && (
          <Button variant="default" onClick={() => setImporting(true)}>
            {t('ui.lottery.results.import_csv')}
          </Button>
        )}
      </Group>
      <Tabs value={tab} onChange={(value) => setParams({ tab: value })} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="day">{t('ui.lottery.results.day')}</Tabs.Tab>
          <Tabs.Tab value="search">{t('ui.lottery.results.search')}</Tabs.Tab>
          <Tabs.Tab value="winners">{t('ui.lottery.results.winners')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="day">
          <DataTable
            rows={results.data?.draws}
            rowKey={(d) => d.draw_id}
            columns={columns}
            loading={results.isFetching}
            error={results.error}
            minWidth={800}
          />
        </Tabs.Panel>
        <Tabs.Panel value="search">
          <DataTable
            rows={results.data?.draws}
            rowKey={(d) => d.draw_id}
            columns={columns}
            loading={results.isFetching}
            error={results.error}
            minWidth={800}
          />
        </Tabs.Panel>
        <Tabs.Panel value="winners">
          <Stack>
            <Select
              label={t('ui.lottery.results.draw')}
              searchable
              data={(results.data?.draws ?? [])
                .filter((d) => d.status === 'settled')
                .map((d) => ({ value: d.draw_id, label: `${d.lottery} ${d.draw_time} · ${d.result_text}` }))}
              value={params.draw || null}
              onChange={(value) => setParams({ draw: value ?? '' })}
            />
            {params.draw && <Winners drawId={params.draw} currency={currency} />}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <Modal
        opened={entering !== null}
        onClose={() => setEntering(null)}
        title={
          entering?.correcting ? t('ui.lottery.results.correct_title') : t('ui.lottery.results.enter_title')
        }
      >
        {entering && (
          <ResultForm
            draw={entering.draw}
            correcting={entering.correcting}
            onDone={() => setEntering(null)}
          />
        )}
      </Modal>
      <Modal
        opened={importing}
        onClose={() => setImporting(false)}
        title={t('ui.lottery.results.import_csv')}
        size="lg"
      >
        {importing && <ImportModal onClose={() => setImporting(false)} />}
      </Modal>
    </>
  );
}
