// Amendment: cancel a task, and with it every task under it (its items and the
// tasks cascaded to units). Its past versions stay readable by date.
import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Form, Modal } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Task, TaskDetail } from '../types';
import { AmendmentFields, amendmentOf, type AmendmentValues } from './AmendmentFields';
import { ProblemAlert, problemOf, type ShownProblem } from './ProblemAlert';

interface Props {
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
  onDone: (t: Task) => void;
  onReload: () => void;
}

export function CancelTaskModal({ task, open, onClose, onDone, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AmendmentValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const version = useRef(task.version);
  const latest = useRef(task);
  latest.current = task;

  useEffect(() => {
    if (!open) return;
    version.current = latest.current.version;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue({ decisionRef: '', reason: '', effectiveDate: dayjs() });
  }, [open, form]);

  async function submit(v: AmendmentValues) {
    setSaving(true);
    setProblem(null);
    try {
      const done = await api.post<Task>(`/api/tasks/${task.id}/cancel`, {
        ...amendmentOf(v),
        version: version.current,
      });
      message.success(t('program.admin.amend.cancelled'));
      onDone(done);
      onClose();
    } catch (err) {
      const p = problemOf(err);
      if (p.status === 409) {
        // Someone changed the task: show why, reload it, and let the user confirm again on the new version.
        const current = p.extra.current as Task | undefined;
        if (current) version.current = current.version;
        onReload();
      }
      setProblem(p);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      destroyOnHidden
      title={t('program.admin.amend.cancelTitle', { code: task.code })}
      okText={t('program.admin.amend.cancelConfirm')}
      okButtonProps={{ danger: true, loading: saving, 'data-testid': 'cancel-submit' }}
      cancelText={t('program.admin.close')}
      onOk={() => form.submit()}
      width="min(640px, calc(100vw - 24px))"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('program.admin.amend.cancelWarning', { count: task.children.length })}
      />
      <Form<AmendmentValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={saving}
        data-testid="cancel-form"
      >
        <AmendmentFields />
      </Form>
      <ProblemAlert problem={problem} testId="cancel-error" />
    </Modal>
  );
}
