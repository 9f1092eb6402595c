// The officers' queue: the items of the units in the caller's scope, earliest due first. Filters (status, category,
// overdue) and the open item live in the URL, so a link or the back button shows the same list.
import { Alert, Select, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { withQuery } from '../../api';
import { formatDate } from '../../common/format';
import { useApiGet } from '../../common/useApiGet';
import { currentLang } from '../../i18n';
import { ItemDrawer } from './ItemDrawer';
import { StatusTag } from './StatusTag';
import { STATUSES, type Categories, type Queue, type QueueRow, type Status } from './types';

const PAGE = 50;

export default function QueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as Status)
    : undefined;
  const category = params.get('category') ?? undefined;
  const overdue = params.get('overdue') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const itemId = Number(params.get('item')) || null;
  const categories = useApiGet<Categories>('/api/feedback/categories');
  const queue = useApiGet<Queue>(
    withQuery('/api/feedback/queue', {
      status,
      category,
      overdue: overdue ? 'true' : undefined,
      limit: PAGE,
      offset: (page - 1) * PAGE,
    }),
  );
  const lang = currentLang();
  const categoryName = (code: string) => categories.data?.items.find((c) => c.code === code)?.name[lang] ?? code;

  /** Changes some URL parameters (empty = removed); a filter change goes back to the first page. */
  function set(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes) && !('item' in changes)) next.delete('page');
    setParams(next, { replace: 'item' in changes ? false : true });
  }

  const columns: ColumnsType<QueueRow> = [
    { title: t('feedback.colCode'), dataIndex: 'code', width: 120 },
    {
      title: t('feedback.colTitle'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <>
          <Typography.Link onClick={() => set({ item: String(r.id) })}>{title}</Typography.Link>
          <div>
            <Typography.Text type="secondary">{categoryName(r.category)}</Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('feedback.status'), dataIndex: 'status', render: (s: Status) => <StatusTag status={s} /> },
    {
      title: t('feedback.due'),
      dataIndex: 'dueOn',
      render: (d: string, r) => (
        <>
          {formatDate(d)} {r.overdue && <Tag color="red">{t('feedback.overdue')}</Tag>}
        </>
      ),
    },
    { title: t('feedback.colUnit'), dataIndex: ['unit', 'name'] },
    { title: t('feedback.colAssigned'), dataIndex: 'assignedTo', render: (a: string | null) => a ?? '—' },
  ];

  return (
    <div className="feedback-queue" data-testid="feedback-queue">
      <Typography.Title level={2}>{t('feedback.queueTitle')}</Typography.Title>
      <div className="feedback-filters">
        <Select<Status | ''>
          value={status ?? ''}
          onChange={(v) => set({ status: v || undefined })}
          data-testid="feedback-filter-status"
          aria-label={t('feedback.filterStatus')}
          options={[
            { value: '', label: `${t('feedback.filterStatus')}: ${t('feedback.all')}` },
            ...STATUSES.map((s) => ({ value: s, label: t(`feedback.statuses.${s}`) })),
          ]}
        />
        <Select<string>
          value={category ?? ''}
          onChange={(v) => set({ category: v || undefined })}
          data-testid="feedback-filter-category"
          aria-label={t('feedback.filterCategory')}
          popupMatchSelectWidth={false}
          options={[
            { value: '', label: `${t('feedback.filterCategory')}: ${t('feedback.all')}` },
            ...(categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.name[lang], title: c.name[lang] })),
          ]}
        />
        <label className="feedback-overdue-filter">
          <Switch
            checked={overdue}
            onChange={(on) => set({ overdue: on ? 'true' : undefined })}
            data-testid="feedback-filter-overdue"
          />{' '}
          {t('feedback.filterOverdue')}
        </label>
      </div>
      {queue.error && <Alert type="error" showIcon title={queue.error} />}
      <Table<QueueRow>
        rowKey="id"
        size="small"
        loading={queue.loading}
        columns={columns}
        dataSource={queue.data?.items ?? []}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('feedback.empty') }}
        rowClassName={(r) => (r.overdue ? 'feedback-row-overdue' : '')}
        onRow={(r) => ({ 'data-code': r.code }) as React.HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: queue.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (p) => set({ page: p > 1 ? String(p) : undefined }),
        }}
      />
      {itemId && (
        <ItemDrawer
          id={itemId}
          categoryName={categoryName}
          onClose={() => set({ item: undefined })}
          onChanged={queue.reload}
        />
      )}
    </div>
  );
}
