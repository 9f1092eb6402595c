// The program's content in force on a chosen date, as a tree (parts, sections,
// groups, tasks, and the tasks assigned to units under their task), each item
// with its deadline and the date its wording took effect. Amended items are
// marked; cancelled ones struck through. A province or commune officer gets
// their own tasks with the items above them greyed (to place them, not to open).
// A filter finds an item by code or words among 300.
import { useMemo, useState, type Key, type ReactNode } from 'react';
import { Alert, Button, DatePicker, Flex, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { withQuery } from '../../api';
import { API_DATE, formatDate } from '../../common/format';
import { pick } from '../ratings';
import { useLiveGet } from '../useLiveGet';
import type { AsOfItem, AsOfResponse } from './types';

type Row = AsOfItem & { children?: Row[] };
const CONTAINERS = new Set(['part', 'section', 'group']);

function buildTree(items: AsOfItem[]): Row[] {
  const rows = new Map<number, Row>(items.map((i) => [i.taskId, { ...i }]));
  const roots: Row[] = [];
  for (const r of rows.values()) {
    const parent = r.parentId !== null ? rows.get(r.parentId) : undefined;
    if (parent) (parent.children ??= []).push(r);
    else roots.push(r);
  }
  return roots;
}

interface Props {
  programId: number;
  asOf: string;
  onAsOf: (d: string) => void;
  tick: number;
  importDate: string | null;
  periodStart: string;
  /** Buttons for the toolbar ("add a task"). */
  actions?: ReactNode;
}

export function AsOfContent({ programId, asOf, onAsOf, tick, importDate, periodStart, actions }: Props) {
  const { t } = useTranslation();
  const c = (k: string, o?: Record<string, unknown>) => t(`program.admin.content.${k}`, o);
  const res = useLiveGet<AsOfResponse>(withQuery(`/api/programs/${programId}/as-of`, { asOf }), tick);
  const [filter, setFilter] = useState('');
  const items = useMemo(() => res.data?.items ?? [], [res.data]);
  const tree = useMemo(() => buildTree(items), [items]);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  // Parts open; for an officer, also the items above their own tasks, so those show without five clicks.
  const defaultExpanded = useMemo(
    () => items.filter((i) => i.kind === 'part' || !i.inScope).map((i) => i.taskId),
    [items],
  );
  const q = filter.trim().toLowerCase();
  const shown: Row[] = q
    ? items
        .filter((i) => `${i.code} ${i.titleVi ?? ''} ${i.titleEn ?? ''}`.toLowerCase().includes(q))
        .map((i) => ({ ...i }))
    : tree;
  const own = items.filter((i) => i.kind === 'task' && i.inScope);
  const assigned = own.filter((i) => i.cascaded).length;
  const cancelled = own.filter((i) => i.cancelled).length;
  const scoped = items.some((i) => !i.inScope);

  const columns: ColumnsType<Row> = [
    {
      title: c('colCode'),
      dataIndex: 'code',
      width: 120,
      render: (code: string, r) =>
        !r.inScope ? (
          <Typography.Text type="secondary">{code}</Typography.Text>
        ) : (
          <Link to={`/program/tasks/${r.taskId}`}>{code}</Link>
        ),
    },
    {
      title: c('colTitle'),
      key: 'title',
      render: (_: unknown, r) => (
        <span
          data-testid={`asof-${r.code}`}
          data-in-scope={r.inScope}
          className={!r.inScope ? 'asof-context' : undefined}
          title={!r.inScope ? c('contextHint') : undefined}
        >
          {CONTAINERS.has(r.kind) && <Tag>{t(`program.admin.kind.${r.kind}`)}</Tag>}
          {r.cascaded && (
            <Tag color="blue" data-testid={`asof-unit-${r.code}`}>
              {c('assigned', { unit: r.unitName ?? r.unitId })}
            </Tag>
          )}
          <span className={r.cancelled ? 'asof-cancelled' : r.kind === 'text' ? 'task-why' : undefined}>
            {pick({ vi: r.titleVi, en: r.titleEn })}
          </span>
          {r.cancelled && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {t('program.status.cancelled')}
            </Tag>
          )}
          {/* An assigned task's first version dates from its cascade, not from an amendment of its wording. */}
          {importDate && r.validFrom > importDate && !r.cancelled && !r.cascaded && (
            <Tag color="gold" style={{ marginInlineStart: 6 }}>
              {c('amendedTag')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: c('colDeadline'),
      key: 'deadline',
      width: 190,
      render: (_: unknown, r) =>
        r.deadline ? (
          <span data-testid={`asof-deadline-${r.code}`}>
            {r.deadline.text ?? t(`program.task.deadlineKind.${r.deadline.kind}`, { defaultValue: r.deadline.kind })}
            <Typography.Text type="secondary"> ({formatDate(r.deadline.end)})</Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    { title: c('colValidFrom'), dataIndex: 'validFrom', width: 110, render: (d: string) => formatDate(d) },
  ];

  return (
    <div data-testid="asof-content" data-asof={asOf}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <span>{c('asOfLabel')}</span>
        <DatePicker
          value={dayjs(asOf)}
          format="DD/MM/YYYY"
          allowClear={false}
          data-testid="asof-date"
          onChange={(d) => d && onAsOf(d.format(API_DATE))}
          aria-label={c('asOfLabel')}
        />
        <Button onClick={() => onAsOf(dayjs().format(API_DATE))}>{c('today')}</Button>
        <Button onClick={() => onAsOf(periodStart)}>{c('periodStart')}</Button>
        <Input.Search
          allowClear
          data-testid="asof-filter"
          placeholder={c('filter')}
          style={{ width: 'min(320px, 100%)' }}
          onChange={(e) => setFilter(e.target.value)}
        />
        {actions}
      </Flex>
      {res.error && <Alert type="error" showIcon title={res.error} />}
      {res.data && (
        <Typography.Paragraph type="secondary" data-testid="asof-summary">
          {items.length
            ? c(scoped ? 'summary' : 'summaryProgram', {
                items: items.length,
                tasks: own.length - assigned,
                assigned,
                cancelled,
              })
            : c('empty')}
          {scoped && <> {c('scopedNote')}</>}
        </Typography.Paragraph>
      )}
      <Table<Row>
        rowKey="taskId"
        size="small"
        className="asof-table"
        columns={columns}
        dataSource={shown}
        loading={res.loading && !res.data}
        pagination={q ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 820 }}
        expandable={{ expandedRowKeys: expanded ?? defaultExpanded, onExpandedRowsChange: (keys) => setExpanded(keys) }}
      />
    </div>
  );
}
