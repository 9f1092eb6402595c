// The assigned unit asks the level that assigned its task for a change: a
// later deadline, funding, a cancellation or something else, with its reason.
// It cannot make the change itself (the server refuses it); this is how it asks.
import { useEffect, useState } from 'react';
import { App as AntApp, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { ChangeKind, ChangeRequest, TaskDetail } from '../types';
import { ProblemAlert, problemOf, type ShownProblem } from '../admin/ProblemAlert';

interface Values {
  kind: ChangeKind;
  reason: string;
  deadline?: string;
  source?: string;
  amountRequired?: number;
  amountAllocated?: number;
}
const KINDS: ChangeKind[] = ['deadline', 'funding', 'cancel', 'other'];
const SOURCES = ['central_budget', 'local_budget', 'oda', 'private', 'other'];

export function ChangeRequestModal({
  task,
  open,
  onClose,
  onSent,
}: {
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const unit = task.assignedBy?.name ?? '';

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue({ kind: 'deadline', reason: '' });
  }, [open, form]);

  async function submit(v: Values) {
    setSaving(true);
    setProblem(null);
    try {
      const body =
        v.kind === 'deadline'
          ? { kind: v.kind, reason: v.reason, deadline: { phrase: v.deadline } }
          : v.kind === 'funding'
            ? {
                kind: v.kind,
                reason: v.reason,
                funding: [
                  {
                    source: v.source ?? null,
                    amountRequired: v.amountRequired ?? null,
                    amountAllocated: v.amountAllocated ?? null,
                  },
                ],
              }
            : { kind: v.kind, reason: v.reason };
      await api.post<ChangeRequest>(`/api/tasks/${task.id}/change-requests`, body);
      message.success(t('program.requests.sent', { unit }));
      onSent();
      onClose();
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      destroyOnHidden
      title={t('program.requests.title', { unit })}
      okText={t('program.requests.send')}
      okButtonProps={{ loading: saving, 'data-testid': 'change-request-send' }}
      cancelText={t('program.admin.close')}
      onOk={() => form.submit()}
      width="min(640px, calc(100vw - 24px))"
    >
      <Typography.Paragraph type="secondary">{t('program.requests.intro', { unit })}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={saving} data-testid="change-request-form">
        <Form.Item name="kind" label={t('program.requests.kindLabel')} rules={[{ required: true }]}>
          <Select
            data-testid="change-request-kind"
            options={KINDS.map((k) => ({ value: k, label: t(`program.requests.kind.${k}`) }))}
          />
        </Form.Item>
        {kind === 'deadline' && (
          <Form.Item
            name="deadline"
            label={t('program.requests.newDeadline')}
            extra={t('program.requests.newDeadlineHint')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('program.admin.requiredField', { field: t('program.requests.newDeadline') }),
              },
            ]}
          >
            <Input maxLength={300} data-testid="change-request-deadline" />
          </Form.Item>
        )}
        {kind === 'funding' && (
          <>
            <Form.Item name="source" label={t('program.requests.source')}>
              <Select
                allowClear
                options={SOURCES.map((s) => ({ value: s, label: t(`program.task.fundingSource.${s}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="amountRequired"
              label={t('program.requests.amountRequired')}
              rules={[
                {
                  required: true,
                  message: t('program.admin.requiredField', { field: t('program.requests.amountRequired') }),
                },
              ]}
            >
              <InputNumber min={0} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="amountAllocated" label={t('program.requests.amountAllocated')}>
              <InputNumber min={0} style={{ width: 240 }} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="reason"
          label={t('program.requests.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('program.admin.requiredField', { field: t('program.requests.reason') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={5000} data-testid="change-request-reason" />
        </Form.Item>
      </Form>
      <ProblemAlert problem={problem} testId="change-request-error" />
    </Modal>
  );
}
