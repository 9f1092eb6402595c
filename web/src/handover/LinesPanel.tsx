// The inventory by kind: one tab per kind, each a table of its lines. In draft the handing-over side
// removes lines; once submitted the receiving side records each line's count (the server decides who
// may: the line's receiver, never the submitter).
import { App as AntApp, Button, Popconfirm, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api';
import { formatDate, formatNumber } from '../common/format';
import { COUNT_STATES, KINDS, type Counted, type HandoverDetail, type Line, type LineKind } from './types';
import { COUNT_COLOR, formatMoney } from './words';

/** What matters about a line of each kind, in a few words. */
function details(t: TFunction, l: Line): string {
  const d = l.details as Record<string, unknown>;
  const parts: string[] = [];
  const word = (group: string, value: unknown) =>
    typeof value === 'string' ? t(`handover.form.${group}.${value}`, { defaultValue: value }) : null;
  if (l.kind === 'record') {
    if (l.pages !== null)
      parts.push(
        t('handover.detail.pages', { pages: formatNumber(l.pages), digitised: formatNumber(l.pagesDigitised ?? 0) }),
      );
  } else if (l.kind === 'seal') {
    parts.push(
      ...([word('sealKinds', d.sealKind), d.identifier as string, word('sealStates', d.state)].filter(
        Boolean,
      ) as string[]),
    );
  } else if (l.kind === 'asset') {
    parts.push(
      ...([word('assetKinds', d.assetKind), d.address as string, word('usePlans', d.usePlan)].filter(
        Boolean,
      ) as string[]),
    );
    if (l.landAreaM2 || l.floorAreaM2)
      parts.push(t('handover.detail.area', { land: l.landAreaM2 ?? '—', floor: l.floorAreaM2 ?? '—' }));
    if (l.amountVnd) parts.push(formatMoney(l.amountVnd));
  } else if (l.kind === 'business') {
    const kind = word('businessKinds', d.businessKind);
    if (kind) parts.push(kind);
    if (l.legalDeadline) parts.push(t('handover.detail.deadline', { date: formatDate(l.legalDeadline) }));
  } else if (l.kind === 'account') {
    parts.push(...([word('accountKinds', d.accountKind), d.accountNumber as string].filter(Boolean) as string[]));
    parts.push(formatMoney(l.amountVnd));
    const s = word('settlements', d.settlement);
    if (s) parts.push(s);
  }
  if (l.landOrInvestment) parts.push(t('handover.detail.land'));
  return parts.join(' · ');
}

export function LinesPanel({ handover, onChanged }: { handover: HandoverDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const receiverName = new Map(handover.receivers.map((r) => [r.id, r.name]));
  const draft = handover.state === 'draft';
  const counting = handover.state === 'submitted' || handover.state === 'counted';

  async function remove(l: Line) {
    try {
      await api.delete(`/api/handovers/${handover.id}/lines/${l.id}`);
      message.success(t('handover.detail.removed'));
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  async function count(l: Line, state: Line['countState']) {
    try {
      const r = await api.post<Counted>(`/api/handovers/${handover.id}/lines/${l.id}/count`, { state });
      message.success(
        t('handover.detail.countedOk', {
          state: t(`handover.count.${state}`),
          outstanding: formatNumber(r.outstanding),
        }),
      );
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const columns: ColumnsType<Line> = [
    {
      title: t('handover.detail.title_col'),
      key: 'title',
      render: (_, l) => (
        <>
          <Typography.Text strong>{l.title}</Typography.Text>
          {l.masked && (
            <>
              <br />
              <Tag color="red">{t('handover.detail.masked')}</Tag>
            </>
          )}
        </>
      ),
    },
    { title: t('handover.detail.details'), key: 'details', render: (_, l) => details(t, l) || '—' },
    {
      title: t('handover.detail.receiver'),
      key: 'receiver',
      render: (_, l) => (l.receiverUnitId ? (receiverName.get(l.receiverUnitId) ?? `#${l.receiverUnitId}`) : '—'),
    },
    {
      title: t('handover.detail.condition'),
      dataIndex: 'condition',
      render: (c: string) => t(`handover.condition.${c}`, { defaultValue: c }),
    },
    {
      title: t('handover.detail.counted'),
      key: 'count',
      render: (_, l) =>
        counting ? (
          <Select
            size="small"
            style={{ minWidth: 150 }}
            aria-label={t('handover.detail.countAs')}
            placeholder={t('handover.count.pending')}
            value={l.countState === 'pending' ? undefined : l.countState}
            onChange={(s: Line['countState']) => void count(l, s)}
            options={COUNT_STATES.map((s) => ({ value: s, label: t(`handover.count.${s}`) }))}
            data-testid={`count-${l.id}`}
          />
        ) : (
          <Tag color={COUNT_COLOR[l.countState]} data-testid={`count-state-${l.id}`}>
            {t(`handover.count.${l.countState}`)}
          </Tag>
        ),
    },
    ...(draft
      ? [
          {
            title: '',
            key: 'remove',
            render: (_: unknown, l: Line) => (
              <Popconfirm
                title={t('handover.detail.removeConfirm', { title: l.title })}
                onConfirm={() => remove(l)}
                okButtonProps={{ danger: true }}
              >
                <Button size="small" danger icon={<DeleteOutlined />} data-testid={`remove-${l.id}`}>
                  {t('handover.detail.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  const byKind = (k: LineKind) => handover.lineList.filter((l) => l.kind === k);
  return (
    <Tabs
      data-testid="handover-lines"
      items={KINDS.map((k) => ({
        key: k,
        label: `${t(`handover.kind.${k}`)} (${formatNumber(byKind(k).length)})`,
        children: (
          <Table<Line>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={byKind(k)}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('handover.detail.noLines') }}
            data-testid={`lines-${k}`}
          />
        ),
      }))}
    />
  );
}
