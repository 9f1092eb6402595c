// /handovers/:id — one handover: the ended unit and its receivers, the outstanding lines (computed by
// the server from the lines, never typed), the inventory by kind, the actions of the current state
// (add and remove lines, submit, count, minutes and signatures, close) and the minutes.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Descriptions, Popconfirm, Result, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, LockOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, errorMessage } from '../api';
import { useApiGet } from '../common/useApiGet';
import { PageSpinner } from '../common/PageSpinner';
import { formatDate, formatNumber } from '../common/format';
import { LineForm } from './LineForm';
import { LinesPanel } from './LinesPanel';
import { MinutesPanel } from './MinutesPanel';
import type { HandoverDetail } from './types';
import { STATE_COLOR } from './words';
import './handover.css';

export default function HandoverPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { id } = useParams();
  const { data: h, error, loading, reload } = useApiGet<HandoverDetail>(`/api/handovers/${Number(id)}`);
  const [adding, setAdding] = useState(false);

  if (!h && loading) return <PageSpinner />;
  if (!h)
    return (
      <Result
        status="warning"
        title={error ?? t('common.notFound')}
        extra={<Link to="/handovers">{t('handover.detail.back')}</Link>}
      />
    );

  async function act(path: string, done: string) {
    try {
      await api.post(path);
      message.success(done);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  const o = h.outstandingByState;

  return (
    <div className="handover-page" data-testid="handover-detail">
      <Link to="/handovers">
        <ArrowLeftOutlined /> {t('handover.detail.back')}
      </Link>
      <Typography.Title level={2} className="page-title" style={{ marginTop: 8 }}>
        {t('handover.detail.title', { name: h.fromUnit.name })}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'from', label: t('handover.detail.from'), children: `${h.fromUnit.name} (${h.fromUnit.code})` },
          { key: 'effective', label: t('handover.detail.effective'), children: formatDate(h.effectiveDate) },
          {
            key: 'state',
            label: t('handover.detail.state'),
            children: (
              <Tag color={STATE_COLOR[h.state]} data-testid="handover-state">
                {t(`handover.state.${h.state}`)}
              </Tag>
            ),
          },
          { key: 'version', label: t('handover.detail.version'), children: h.version },
          {
            key: 'receivers',
            label: t('handover.detail.receivers'),
            span: 'filled',
            children: (
              <ul className="handover-receivers" data-testid="handover-receivers">
                {h.receivers.map((r) => (
                  <li key={r.id}>
                    {r.name} — {t(`handover.role.${r.role}`)}
                  </li>
                ))}
              </ul>
            ),
          },
          ...(h.submittedBy ? [{ key: 'by', label: t('handover.detail.submittedBy'), children: h.submittedBy }] : []),
          {
            key: 'outstanding',
            label: t('handover.detail.outstanding'),
            span: 'filled',
            children: (
              <span data-testid="handover-outstanding">
                <Typography.Text strong>{formatNumber(h.outstanding)}</Typography.Text>
                {' — '}
                {t('handover.detail.outstandingDetail', {
                  total: formatNumber(h.lines),
                  pending: formatNumber(o.pending),
                  missing: formatNumber(o.missing),
                  damaged: formatNumber(o.damaged),
                  disputed: formatNumber(o.disputed),
                })}
              </span>
            ),
          },
        ]}
      />
      <div className="handover-actions">
        {h.state === 'draft' && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-line">
              {t('handover.detail.addLine')}
            </Button>
            <Popconfirm
              title={t('handover.detail.submitConfirm', { lines: formatNumber(h.lines) })}
              onConfirm={() => act(`/api/handovers/${h.id}/submit`, t('handover.detail.submitted'))}
            >
              <Button type="primary" icon={<SendOutlined />} disabled={h.lines === 0} data-testid="submit-handover">
                {t('handover.detail.submit')}
              </Button>
            </Popconfirm>
          </>
        )}
        {h.state === 'signed' && (
          <Popconfirm
            title={t('handover.detail.closeConfirm', { outstanding: formatNumber(h.outstanding) })}
            onConfirm={() => act(`/api/handovers/${h.id}/close`, t('handover.detail.closed'))}
          >
            <Button icon={<LockOutlined />} data-testid="close-handover">
              {t('handover.detail.close')}
            </Button>
          </Popconfirm>
        )}
      </div>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <div>
          <Typography.Title level={4}>{t('handover.detail.lines')}</Typography.Title>
          <LinesPanel handover={h} onChanged={reload} />
        </div>
        <MinutesPanel handover={h} onChanged={reload} />
      </Space>
      {adding && <LineForm handover={h} open={adding} onClose={() => setAdding(false)} onAdded={reload} />}
    </div>
  );
}
