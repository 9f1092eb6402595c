// /program/reviews — the reports awaiting the caller's review, the longest
// overdue first: what the unit reports beside the task's official figures, how
// many working days it has waited, and the review deadline. Filters by program,
// period and lateness; "my units" or everything the caller may review. Accept
// or return one report, or accept the selected ones at once: each is accepted
// with every rule of a single acceptance and the result is shown per report.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorMessage, withQuery } from '../api';
import { formatDate, formatPeriod } from '../common/format';
import { programCode } from './taskCode';
import { useApiGet } from '../common/useApiGet';
import { pctText } from './Figures';
import { pick } from './ratings';
import type { BulkAcceptResult, Program, ReviewItem, ReviewQueue } from './types';
import { useLiveGet } from './useLiveGet';
import { useProgramEvents } from './useProgramEvents';
import { LiveIndicator } from './LiveIndicator';
import './program.css';

const PAGE = 50;

export default function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const live = useProgramEvents('any');
  const programs = useApiGet<{ items: Program[] }>('/api/programs');
  const programId = Number(params.get('program')) || undefined;
  const scope = params.get('scope') === 'all' ? 'all' : 'mine';
  const lateness = params.get('lateness') ?? '';
  const period = params.get('period') ?? '';
  const [page, setPage] = useState(1);
  const set = (k: string, v: string | undefined) => {
    setPage(1);
    setParams((prev) => {
      const q = new URLSearchParams(prev);
      if (v) q.set(k, v);
      else q.delete(k);
      return q;
    });
  };
  const queue = useLiveGet<ReviewQueue>(
    withQuery('/api/reviews', {
      programId,
      scope,
      lateness: lateness || undefined,
      period: period || undefined,
      limit: PAGE,
      offset: (page - 1) * PAGE,
    }),
    live.tick,
  );
  const [selected, setSelected] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<BulkAcceptResult | null>(null);
  const [returning, setReturning] = useState<ReviewItem | null>(null);
  const [comment, setComment] = useState('');
  const items = queue.data?.items ?? [];
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  async function acceptSelected() {
    const chosen = items.filter((r) => selected.includes(r.id));
    if (!chosen.length) return;
    setBusy(true);
    try {
      const r = await api.post<BulkAcceptResult>('/api/reviews/accept', {
        items: chosen.map((x) => ({ id: x.id, version: x.version })),
      });
      setResults(r);
      setSelected([]);
      queue.reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function sendReturn() {
    if (!returning) return;
    if (!comment.trim()) {
      message.warning(t('program.report.returnNeedsComment'));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/reports/${returning.id}/return`, { version: returning.version, comment: comment.trim() });
      message.success(t('program.report.returned'));
      setReturning(null);
      queue.reload();
    } catch (err) {
      message.error(errorMessage(err)); // the comment stays in the dialog
    } finally {
      setBusy(false);
    }
  }

  const columns: ColumnsType<ReviewItem> = [
    {
      title: t('program.colTask'),
      key: 'task',
      render: (_: unknown, r) => (
        <>
          <Link to={`/program/tasks/${r.task.id}`}>
            <Typography.Text strong title={r.task.code}>
              {programCode(r.task.code)}
            </Typography.Text>{' '}
            {pick(r.task.title)}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.task.unitName} · {formatPeriod(r.period)}
            </Typography.Text>
          </div>
          {r.narrative && <div className="task-why">{r.narrative}</div>}
        </>
      ),
    },
    {
      title: t('program.reviews.colReported'),
      key: 'reported',
      width: 170,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={2}>
          <Tag color="blue" data-testid="queue-reported">
            {pctText(r.progress)} · {t(`program.status.${r.status}`)}
          </Tag>
          {r.late && <Tag color="orange">{t('program.report.late')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('program.reviews.colOfficial'),
      key: 'official',
      width: 170,
      render: (_: unknown, r) => (
        <Typography.Text data-testid="queue-official">
          {pctText(r.task.official.progress)} · {t(`program.status.${r.task.official.status}`)}
        </Typography.Text>
      ),
    },
    {
      title: t('program.reviews.colSubmitted'),
      key: 'submitted',
      width: 150,
      render: (_: unknown, r) => (
        <>
          {formatDate(r.submittedAt)}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.submittedBy}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('program.reviews.colWaited'),
      key: 'waited',
      width: 160,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={2}>
          <span>{t('program.reviews.waited', { count: r.waitingWorkingDays })}</span>
          {r.reviewOverdue ? (
            <Tag color="red" data-testid="queue-overdue">
              {t('program.reviews.overdue')}
            </Tag>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('program.reviews.dueBy', { date: formatDate(r.reviewDue) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 190,
      render: (_: unknown, r) =>
        r.can.review && (
          <Space wrap size={4}>
            <Button
              size="small"
              type="primary"
              ghost
              data-testid="queue-accept"
              loading={busy}
              onClick={async () => {
                setBusy(true);
                try {
                  await api.post(`/api/reports/${r.id}/accept`, { version: r.version });
                  message.success(t('program.report.accepted'));
                  queue.reload();
                } catch (err) {
                  message.error(errorMessage(err));
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('program.report.accept')}
            </Button>
            <Button
              size="small"
              danger
              data-testid="queue-return"
              onClick={() => {
                setComment('');
                setReturning(r);
              }}
            >
              {t('program.report.return')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <div data-testid="review-queue" data-total={queue.data?.total ?? ''}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} className="program-title" style={{ margin: 0 }}>
          {t('program.reviews.title')}
        </Typography.Title>
        <LiveIndicator live={live} />
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('program.reviews.intro')}
      </Typography.Paragraph>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Radio.Group
            value={scope}
            onChange={(e) => set('scope', e.target.value === 'all' ? 'all' : undefined)}
            optionType="button"
            data-testid="queue-scope"
            options={[
              { value: 'mine', label: t('program.reviews.scopeMine') },
              { value: 'all', label: t('program.reviews.scopeAll') },
            ]}
          />
          <Select
            allowClear
            placeholder={t('program.pickProgram')}
            style={{ minWidth: 260 }}
            value={programId}
            onChange={(v) => set('program', v ? String(v) : undefined)}
            options={(programs.data?.items ?? []).map((p) => ({
              value: p.id,
              label: lang === 'en' && p.titleEn ? p.titleEn : p.titleVi,
            }))}
          />
          <Input.Search
            allowClear
            placeholder={t('program.reviews.filterPeriod')}
            style={{ width: 270 }}
            defaultValue={period}
            onSearch={(v) => set('period', v.trim() || undefined)}
          />
          <Select
            style={{ width: 200 }}
            value={lateness}
            onChange={(v) => set('lateness', v || undefined)}
            data-testid="queue-lateness"
            options={(['', 'submission', 'review'] as const).map((v) => ({
              value: v,
              label: t(`program.reviews.lateness.${v || 'any'}`),
            }))}
          />
          <Button
            type="primary"
            disabled={!selected.length}
            loading={busy}
            onClick={acceptSelected}
            data-testid="queue-accept-selected"
          >
            {t('program.reviews.acceptSelected', { count: selected.length })}
          </Button>
        </Space>
        {queue.data && (
          <Typography.Paragraph data-testid="queue-summary">
            {t('program.reviews.total', { total: queue.data.total, overdue: queue.data.overdue })}
          </Typography.Paragraph>
        )}
        {results && (
          <Alert
            type={results.refused ? 'warning' : 'success'}
            showIcon
            closable
            onClose={() => setResults(null)}
            style={{ marginBottom: 12 }}
            data-testid="queue-results"
            title={t('program.reviews.bulkDone', { accepted: results.accepted, refused: results.refused })}
            description={results.results
              .filter((r) => !r.ok)
              .map((r) => (
                <div key={r.id}>
                  {t('program.reviews.refusedItem', { id: r.id, error: !r.ok ? r.error[lang] : '' })}
                </div>
              ))}
          />
        )}
        {queue.error && <Alert type="error" showIcon title={queue.error} />}
        <Table<ReviewItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={queue.loading && !queue.data}
          scroll={{ x: 1000 }}
          data-testid="queue-table"
          locale={{ emptyText: t('program.reviews.empty') }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as number[]),
            getCheckboxProps: (r) => ({ disabled: !r.can.review }),
          }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: queue.data?.total ?? 0,
            onChange: (p) => {
              setPage(p);
              setSelected([]);
            },
            showSizeChanger: false,
            hideOnSinglePage: true,
          }}
        />
      </Card>
      <Modal
        open={returning !== null}
        onCancel={() => setReturning(null)}
        onOk={sendReturn}
        confirmLoading={busy}
        title={t('program.report.return')}
        okText={t('program.report.return')}
        okButtonProps={{ danger: true, 'data-testid': 'queue-return-confirm' }}
      >
        <Input.TextArea
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('program.report.comment')}
          maxLength={5000}
          data-testid="queue-return-comment"
        />
      </Modal>
    </div>
  );
}
