// The change requests on a task: what the assigned unit asked, why, and what
// the assigning level decided. Approve / refuse / withdraw appear only where
// the server says the caller may (`can`); approving asks for the decision that
// orders the change, which is then made as an amendment linked to the request.
import { useState } from 'react';
import { App as AntApp, Button, DatePicker, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { API_DATE, formatDate } from '../../common/format';
import type { ChangeRequest } from '../types';
import { ProblemAlert, problemOf, type ShownProblem } from '../admin/ProblemAlert';

const STATE_COLORS = { pending: 'processing', approved: 'success', refused: 'error', withdrawn: 'default' } as const;
type Decision = 'approve' | 'refuse' | 'withdraw';
interface Values {
  decisionRef?: string;
  comment?: string;
  effectiveDate?: dayjs.Dayjs;
}

function proposal(r: ChangeRequest, t: (k: string, o?: Record<string, unknown>) => string) {
  if (r.kind === 'deadline' && r.proposed.deadline) {
    const d = r.proposed.deadline;
    return t('program.requests.proposed', { text: `${d.text ?? ''} (${formatDate(d.end)})`.trim() });
  }
  if (r.kind === 'funding' && r.proposed.funding?.length) {
    const f = r.proposed.funding[0];
    return t('program.requests.proposed', {
      text: [f.amountRequired, f.amountAllocated]
        .filter((x) => x !== null)
        .map((x) => Number(x).toLocaleString('vi-VN'))
        .join(' / '),
    });
  }
  return null;
}

export function ChangeRequests({ items, onChanged }: { items: ChangeRequest[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [deciding, setDeciding] = useState<{ request: ChangeRequest; decision: Decision } | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ShownProblem | null>(null);

  function open(request: ChangeRequest, decision: Decision) {
    setProblem(null);
    form.resetFields();
    form.setFieldsValue({ decisionRef: '', comment: '', effectiveDate: dayjs() });
    setDeciding({ request, decision });
  }

  async function decide(v: Values) {
    if (!deciding) return;
    setSaving(true);
    setProblem(null);
    try {
      const { request, decision } = deciding;
      await api.post(`/api/change-requests/${request.id}/${decision}`, {
        version: request.version,
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
        ...(decision === 'approve'
          ? { decisionRef: v.decisionRef?.trim(), effectiveDate: v.effectiveDate?.format(API_DATE) }
          : {}),
      });
      message.success(
        decision === 'approve'
          ? t('program.requests.approved')
          : decision === 'refuse'
            ? t('program.requests.refusedDone')
            : t('program.requests.withdrawn'),
      );
      setDeciding(null);
      onChanged();
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setSaving(false);
    }
  }

  const decision = deciding?.decision;
  return (
    <>
      <List<ChangeRequest>
        dataSource={items}
        locale={{ emptyText: t('program.requests.none') }}
        data-testid="change-requests"
        renderItem={(r) => (
          <List.Item
            data-testid="change-request"
            data-state={r.state}
            actions={[
              ...(r.can.approve
                ? [
                    <Button
                      key="a"
                      size="small"
                      type="primary"
                      ghost
                      onClick={() => open(r, 'approve')}
                      data-testid="change-request-approve"
                    >
                      {t('program.requests.approve')}
                    </Button>,
                  ]
                : []),
              ...(r.can.refuse
                ? [
                    <Button
                      key="r"
                      size="small"
                      danger
                      onClick={() => open(r, 'refuse')}
                      data-testid="change-request-refuse"
                    >
                      {t('program.requests.refuse')}
                    </Button>,
                  ]
                : []),
              ...(r.can.withdraw
                ? [
                    <Button key="w" size="small" onClick={() => open(r, 'withdraw')}>
                      {t('program.requests.withdraw')}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{t(`program.requests.kind.${r.kind}`)}</Typography.Text>
                  <Tag color={STATE_COLORS[r.state]}>{t(`program.requests.state.${r.state}`)}</Tag>
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <span>{r.reason}</span>
                  {proposal(r, t) && <Typography.Text type="secondary">{proposal(r, t)}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('program.requests.requestedBy', { who: r.requestedBy, date: formatDate(r.requestedAt) })}
                  </Typography.Text>
                  {r.decidedAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('program.requests.decidedBy', { who: r.decidedBy, date: formatDate(r.decidedAt) })}
                      {r.decisionRef ? ` · ${r.decisionRef}` : ''}
                      {r.decisionComment ? ` · ${r.decisionComment}` : ''}
                    </Typography.Text>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={deciding !== null}
        onCancel={() => setDeciding(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        destroyOnHidden
        title={decision ? t(`program.requests.${decision}`) : ''}
        okText={decision ? t(`program.requests.${decision}`) : ''}
        okButtonProps={{ danger: decision === 'refuse', 'data-testid': 'change-request-decide' }}
        cancelText={t('program.admin.close')}
      >
        {decision === 'approve' && (
          <Typography.Paragraph type="secondary">{t('program.requests.approveHint')}</Typography.Paragraph>
        )}
        <Form<Values> form={form} layout="vertical" onFinish={decide} disabled={saving}>
          {decision === 'approve' && (
            <>
              <Form.Item
                name="decisionRef"
                label={t('program.requests.decisionRef')}
                rules={[{ required: true, whitespace: true, message: t('program.requests.decisionNeeded') }]}
              >
                <Input maxLength={300} data-testid="change-request-decision-ref" />
              </Form.Item>
              <Form.Item name="effectiveDate" label={t('program.requests.effectiveDate')} rules={[{ required: true }]}>
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
            </>
          )}
          {decision !== 'withdraw' && (
            <Form.Item
              name="comment"
              label={t('program.requests.comment')}
              rules={
                decision === 'refuse'
                  ? [{ required: true, whitespace: true, message: t('program.requests.commentNeeded') }]
                  : []
              }
            >
              <Input.TextArea rows={3} maxLength={5000} data-testid="change-request-comment" />
            </Form.Item>
          )}
        </Form>
        <ProblemAlert problem={problem} testId="change-request-decide-error" />
      </Modal>
    </>
  );
}
