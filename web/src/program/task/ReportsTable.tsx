// Reports sent on the task: period, progress, what was said, the review state,
// the earlier versions an edit replaced, and the actions the server says the
// caller may take on each report (`can`): edit (its author) and accept /
// return (the level above, never the author).
import { useState } from 'react';
import { App as AntApp, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api';
import { formatDate, formatPeriod } from '../../common/format';
import type { Report } from '../types';
import { pctText } from '../Figures';
import { ReportHistory } from './ReportHistory';

const STATE_COLORS = { submitted: 'processing', accepted: 'success', returned: 'warning' } as const;

function ReportText({ r }: { r: Report }) {
  const { t } = useTranslation();
  const parts: [string, string | null][] = [
    [t('program.report.narrative'), r.narrative],
    [t('program.report.obstacles'), r.obstacles],
    [t('program.report.resourcesNeeded'), r.resourcesNeeded],
    [t('program.report.reviewComment'), r.reviewComment],
  ];
  return (
    <Space orientation="vertical" size={2}>
      {parts
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <span key={k}>
            <Typography.Text type="secondary">{k}: </Typography.Text>
            {v}
          </span>
        ))}
      {r.evidence.length > 0 && (
        <span>
          {r.evidence.map((e) => (
            <a key={e.sha256} href={`/api/reports/${r.id}/evidence/${e.sha256}`} style={{ marginRight: 8 }}>
              {e.fileName}
            </a>
          ))}
        </span>
      )}
    </Space>
  );
}

export function ReportsTable({
  reports,
  loading,
  onEdit,
  onChanged,
}: {
  reports: Report[];
  loading: boolean;
  onEdit: (r: Report) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [reviewing, setReviewing] = useState<{ report: Report; decision: 'accept' | 'return' } | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<Report | null>(null);

  async function review() {
    if (!reviewing) return;
    if (reviewing.decision === 'return' && !comment.trim()) {
      message.warning(t('program.report.returnNeedsComment'));
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/reports/${reviewing.report.id}/${reviewing.decision}`, {
        version: reviewing.report.version,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      message.success(reviewing.decision === 'accept' ? t('program.report.accepted') : t('program.report.returned'));
      setReviewing(null);
      onChanged();
    } catch (err) {
      message.error(errorMessage(err)); // the comment stays in the dialog
    } finally {
      setBusy(false);
    }
  }

  const columns: ColumnsType<Report> = [
    { title: t('program.report.period'), dataIndex: 'period', width: 100, render: (v: string) => formatPeriod(v) },
    {
      title: t('program.report.date'),
      dataIndex: 'reportDate',
      width: 110,
      render: (v: string, r) => (
        <>
          {formatDate(v)}
          {r.late && (
            <Tag color="orange" style={{ marginLeft: 4 }}>
              {t('program.report.late')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('program.colProgress'),
      dataIndex: 'progress',
      width: 90,
      align: 'right',
      render: (v: number) => pctText(v),
    },
    { title: t('program.colStatus'), dataIndex: 'status', width: 130, render: (v: string) => t(`program.status.${v}`) },
    { title: t('program.report.narrative'), key: 'text', render: (_: unknown, r) => <ReportText r={r} /> },
    { title: t('program.report.by'), dataIndex: 'submittedBy', width: 120 },
    {
      title: t('program.report.state'),
      dataIndex: 'state',
      width: 150,
      render: (v: Report['state'], r) => (
        <Space orientation="vertical" size={2}>
          <Tag color={STATE_COLORS[v]} data-testid="report-state" data-state={v}>
            {t(`program.report.stateName.${v}`)}
          </Tag>
          {v === 'submitted' && r.reviewDue && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('program.report.reviewDue')}: {formatDate(r.reviewDue)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 230,
      render: (_: unknown, r) => (
        <Space wrap size={4}>
          {r.can.edit && (
            <Button size="small" onClick={() => onEdit(r)} data-testid="report-edit">
              {t('program.report.edit')}
            </Button>
          )}
          {r.can.review && (
            <Button
              size="small"
              type="primary"
              ghost
              data-testid="report-accept"
              onClick={() => {
                setComment('');
                setReviewing({ report: r, decision: 'accept' });
              }}
            >
              {t('program.report.accept')}
            </Button>
          )}
          {r.can.review && (
            <Button
              size="small"
              danger
              data-testid="report-return"
              onClick={() => {
                setComment('');
                setReviewing({ report: r, decision: 'return' });
              }}
            >
              {t('program.report.return')}
            </Button>
          )}
          {!!r.earlierVersions && (
            <Button size="small" type="link" onClick={() => setHistory(r)} data-testid="report-history-open">
              {t('program.report.history', { count: r.earlierVersions })}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<Report>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={reports}
        loading={loading}
        scroll={{ x: 900 }}
        data-testid="report-list"
        locale={{ emptyText: t('program.report.none') }}
        pagination={reports.length > 10 ? { pageSize: 10 } : false}
      />
      <Modal
        open={reviewing !== null}
        onCancel={() => setReviewing(null)}
        onOk={review}
        confirmLoading={busy}
        title={reviewing?.decision === 'accept' ? t('program.report.accept') : t('program.report.return')}
        okText={reviewing?.decision === 'accept' ? t('program.report.accept') : t('program.report.return')}
        okButtonProps={{ danger: reviewing?.decision === 'return' }}
      >
        <Input.TextArea
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('program.report.comment')}
          maxLength={5000}
          data-testid="review-comment"
        />
      </Modal>
      <ReportHistory report={history} onClose={() => setHistory(null)} />
    </>
  );
}
