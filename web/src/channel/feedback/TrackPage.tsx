// Following an item by its tracking code (no sign-in): the status in words, the due date, the answer; then the
// citizen rates the answer, or reopens it within the period the server says.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Rate, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../api';
import { formatDate, formatDateTime } from '../../common/format';
import { useApiGet } from '../../common/useApiGet';
import { StatusTag } from './StatusTag';
import type { PublicItem } from './types';

function CodeForm({ initial }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial ?? '');
  return (
    <Form
      layout="vertical"
      size="large"
      onFinish={() => code.trim() && navigate(`/feedback/track/${encodeURIComponent(code.trim())}`)}
    >
      <Form.Item label={t('feedback.trackCode')} extra={t('feedback.trackHint')}>
        <Input.Search
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onSearch={(v) => v.trim() && navigate(`/feedback/track/${encodeURIComponent(v.trim())}`)}
          enterButton={t('feedback.trackGo')}
          autoCapitalize="characters"
          data-testid="feedback-track-code"
        />
      </Form.Item>
    </Form>
  );
}

function RateForm({ item, onDone }: { item: PublicItem; onDone: (i: PublicItem) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  async function send() {
    setBusy(true);
    try {
      const body = { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) };
      onDone(await api.post<PublicItem>(`/api/feedback/track/${encodeURIComponent(item.code)}/rating`, body));
      message.success(t('feedback.ratedThanks'));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small" title={t('feedback.rateTitle')} data-testid="feedback-rate">
      <Rate value={rating} onChange={setRating} style={{ fontSize: 32 }} />
      <Input.TextArea
        rows={2}
        maxLength={1000}
        placeholder={t('feedback.rateComment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        style={{ margin: '12px 0' }}
      />
      <Button
        type="primary"
        block
        disabled={rating === 0}
        loading={busy}
        onClick={send}
        data-testid="feedback-rate-send"
      >
        {t('feedback.rateSend')}
      </Button>
    </Card>
  );
}

function ReopenForm({ item, onDone }: { item: PublicItem; onDone: (i: PublicItem) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  async function send({ reason }: { reason: string }) {
    setBusy(true);
    try {
      onDone(await api.post<PublicItem>(`/api/feedback/track/${encodeURIComponent(item.code)}/reopen`, { reason }));
      message.success(t('feedback.reopened'));
      form.resetFields();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card size="small" title={t('feedback.reopenTitle')} data-testid="feedback-reopen">
      <Typography.Paragraph type="secondary">
        {t('feedback.reopenUntil', { date: formatDate(item.reopenUntil) })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item
          name="reason"
          label={t('feedback.reopenReason')}
          rules={[{ required: true, min: 5, message: t('feedback.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" block loading={busy}>
          {t('feedback.reopenSend')}
        </Button>
      </Form>
    </Card>
  );
}

/** The reopening period is the server's (reopenUntil); the page only hides the form once it has passed. */
function canReopen(item: PublicItem): boolean {
  if (!item.reopenUntil) return false;
  if (item.closeReason === 'not_competent' || item.closeReason === 'duplicate') return false;
  return new Date().toISOString().slice(0, 10) <= item.reopenUntil;
}

function ItemView({ initial }: { initial: PublicItem }) {
  const { t } = useTranslation();
  const [item, setItem] = useState(initial);
  return (
    <div className="feedback-item" data-testid="feedback-item">
      <Typography.Text type="secondary">{item.code}</Typography.Text>
      <Typography.Title level={3} style={{ marginTop: 4 }}>
        {item.title}
      </Typography.Title>
      <div className="feedback-status" data-testid="feedback-status">
        <StatusTag status={item.status} big />
        {item.overdue && <Tag color="red">{t('feedback.overdue')}</Tag>}
      </div>
      {item.closeReason && (
        <Alert
          type="info"
          style={{ margin: '8px 0' }}
          title={t('feedback.closedBecause', { reason: t(`feedback.closeReasons.${item.closeReason}`) })}
          description={[item.forwardedTo && t('feedback.forwardedTo', { to: item.forwardedTo }), item.closeNote]
            .filter(Boolean)
            .join(' — ')}
        />
      )}
      <dl className="feedback-facts">
        <dt>{t('feedback.unit')}</dt>
        <dd>{item.unit.name}</dd>
        <dt>{t('feedback.located')}</dt>
        <dd>{item.located.name}</dd>
        <dt>{t('feedback.received')}</dt>
        <dd>{formatDate(item.receivedOn)}</dd>
        <dt>{t('feedback.due')}</dt>
        <dd data-testid="feedback-due">{formatDate(item.dueOn)}</dd>
      </dl>
      <Typography.Paragraph className="feedback-text">{item.description}</Typography.Paragraph>
      <Card size="small" title={t('feedback.answer')} data-testid="feedback-answer" style={{ marginBottom: 16 }}>
        {item.answer ? (
          <>
            <Typography.Paragraph className="feedback-text">{item.answer}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('feedback.answeredAt', { at: formatDateTime(item.answeredAt) })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('feedback.noAnswer')}</Typography.Text>
        )}
      </Card>
      {item.rating !== null ? (
        <Alert
          type="success"
          showIcon
          title={t('feedback.rated', { rating: item.rating })}
          data-testid="feedback-rated"
        />
      ) : (
        item.answer && item.status !== 'received' && <RateForm item={item} onDone={setItem} />
      )}
      {canReopen(item) && (
        <div style={{ marginTop: 16 }}>
          <ReopenForm item={item} onDone={setItem} />
        </div>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('feedback.timeline')}
      </Typography.Title>
      <Timeline
        items={item.timeline.map((e) => ({
          content: (
            <>
              <Typography.Text strong>{t(`feedback.kinds.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
              {e.toUnit && <div>→ {e.toUnit}</div>}
              {e.note && <div className="feedback-text">{e.note}</div>}
            </>
          ),
        }))}
      />
    </div>
  );
}

export default function TrackPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const found = useApiGet<PublicItem>(code ? `/api/feedback/track/${encodeURIComponent(code)}` : null);
  return (
    <div className="feedback-page" data-testid="feedback-track-page">
      <Typography.Title level={2}>{t('feedback.trackTitle')}</Typography.Title>
      <CodeForm key={code} initial={code} />
      {found.loading && <Spin />}
      {found.error && <Alert type="error" showIcon title={found.error} />}
      {found.data && !found.loading && <ItemView key={`${found.data.code}`} initial={found.data} />}
    </div>
  );
}
