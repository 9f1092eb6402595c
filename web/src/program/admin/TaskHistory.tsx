// Every dated version of a task with the amendment that made it: from when to
// when, by which decision and why, and what it changed from the version
// before (the deadline spelled out, other fields named).
import { Alert, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../common/format';
import { pick } from '../ratings';
import { useLiveGet } from '../useLiveGet';
import { AMENDMENT_COLORS } from './AmendmentsTable';
import type { TaskContent, TaskHistory as History, TaskVersion } from './types';

type Row = TaskVersion & { changes: string[] };

/** Fields of the versioned content and the label each is shown with. */
const FIELDS: [keyof TaskContent, string][] = [
  ['titleVi', 'program.admin.field.titleVi'],
  ['titleEn', 'program.admin.field.titleEn'],
  ['descriptionVi', 'program.admin.field.descriptionVi'],
  ['descriptionEn', 'program.admin.field.descriptionEn'],
  ['startDate', 'program.task.start'],
  ['leadAgencyId', 'program.task.lead'],
  ['coordinatingAgencyIds', 'program.task.coordinating'],
  ['funding', 'program.task.funding'],
  ['outputs', 'program.task.outputs'],
  ['tags', 'program.task.tags'],
  ['rollupMode', 'program.task.rollup'],
  ['weight', 'program.admin.field.weight'],
  ['dependsOn', 'program.admin.history.dependsOn'],
];

const deadlineText = (c: TaskContent) =>
  c.deadline ? `${c.deadline.text ?? c.deadline.kind} (${formatDate(c.deadline.end)})` : '—';

function changesBetween(before: TaskContent | null, after: TaskContent, t: TFunction): string[] {
  if (!before) return [];
  const out: string[] = [];
  if (JSON.stringify(before.deadline) !== JSON.stringify(after.deadline)) {
    out.push(`${t('program.task.deadline')}: ${deadlineText(before)} → ${deadlineText(after)}`);
  }
  for (const [key, label] of FIELDS) if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out.push(t(label));
  if (!before.cancelled && after.cancelled) out.push(t('program.status.cancelled'));
  return out;
}

export function TaskHistory({ taskId, tick }: { taskId: number; tick: number }) {
  const { t } = useTranslation();
  const h = (k: string, o?: Record<string, unknown>) => t(`program.admin.history.${k}`, o);
  const res = useLiveGet<History>(`/api/tasks/${taskId}/history`, tick);
  const versions = res.data?.items ?? [];
  const rows: Row[] = versions
    .map((v, i) => ({ ...v, changes: changesBetween(i ? versions[i - 1].content : null, v.content, t) }))
    .reverse();

  const columns: ColumnsType<Row> = [
    {
      title: h('valid'),
      key: 'valid',
      width: 150,
      render: (_: unknown, v) =>
        v.validTo ? (
          h('range', { from: formatDate(v.validFrom), to: formatDate(v.validTo) })
        ) : (
          <>
            {h('since', { from: formatDate(v.validFrom) })} <Tag color="green">{h('current')}</Tag>
          </>
        ),
    },
    {
      title: h('amendment'),
      key: 'amendment',
      width: 300,
      render: (_: unknown, v) => (
        <>
          <Tag color={AMENDMENT_COLORS[v.kind]}>
            {t(`program.admin.amendKind.${v.kind}`, { defaultValue: v.kind })} ·{' '}
            {h('programVersion', { version: v.versionNo })}
          </Tag>
          {v.decisionRef && (
            <div>
              <strong>{v.decisionRef}</strong>
            </div>
          )}
          {v.reason && <Typography.Text type="secondary">{v.reason}</Typography.Text>}
        </>
      ),
    },
    {
      title: h('changes'),
      key: 'changes',
      render: (_: unknown, v) =>
        v.changes.length ? (
          <ul className="history-changes">
            {v.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ) : (
          <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>
            {pick({ vi: v.content.titleVi, en: v.content.titleEn })} — {t('program.task.deadline')}:{' '}
            {deadlineText(v.content)}
          </Typography.Paragraph>
        ),
    },
    { title: t('program.admin.content.colActor'), dataIndex: 'actor', width: 120 },
  ];
  if (res.error) return <Alert type="error" showIcon title={res.error} />;
  return (
    <Table<Row>
      rowKey={(v) => `${v.versionNo}-${v.validFrom}`}
      size="small"
      columns={columns}
      dataSource={rows}
      tableLayout="fixed"
      loading={res.loading && !res.data}
      pagination={false}
      scroll={{ x: 860 }}
      data-testid="task-history"
    />
  );
}
