// Amendment: adjust a task. Sends only the fields the user changed, with the
// version the form was opened on. When someone changed the task meanwhile the
// server answers 409: its message is shown, the page reloads the task, and
// what the user typed stays so it can be checked and sent again.
import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Drawer, Flex, Form } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Agency, Task, TaskDetail } from '../types';
import { AmendmentFields, amendmentOf, type AmendmentValues } from './AmendmentFields';
import { isDeadlineProblem, ProblemAlert, problemOf, type ShownProblem } from './ProblemAlert';
import { TaskFields } from './TaskFields';
import { changesOf, valuesOf, type TaskFormValues } from './taskForm';

type Values = TaskFormValues & AmendmentValues;
interface Props {
  task: TaskDetail;
  agencies: Agency[];
  open: boolean;
  onClose: () => void;
  onSaved: (t: Task) => void;
  onReload: () => void;
}

export function AdjustTaskDrawer({ task, agencies, open, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [conflict, setConflict] = useState<{ detail: string; version: number } | null>(null);
  // Fixed when the drawer opens: a live update of the page must not move the base under the user.
  const base = useRef<{ values: TaskFormValues; version: number } | null>(null);
  const latest = useRef(task);
  latest.current = task;
  // The drawer is long: bring a refusal or a conflict into view, where the user is not looking.
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem || conflict) top.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [problem, conflict]);

  useEffect(() => {
    if (!open) return;
    const now = latest.current;
    base.current = { values: valuesOf(now), version: now.version };
    setProblem(null);
    setConflict(null);
    form.resetFields();
    form.setFieldsValue({ ...valuesOf(now), decisionRef: '', reason: '', effectiveDate: dayjs() });
  }, [open, form]);

  async function submit(v: Values) {
    if (!base.current) return;
    const changes = changesOf(v, base.current.values);
    setProblem(null);
    if (Object.keys(changes).length === 0) {
      setProblem({ status: 0, title: null, detail: t('program.admin.amend.noChange'), type: '', extra: {} });
      return;
    }
    setSaving(true);
    try {
      const saved = await api.patch<Task>(`/api/tasks/${task.id}`, {
        ...amendmentOf(v),
        version: base.current.version,
        changes,
      });
      message.success(t('program.admin.amend.adjusted', { version: saved.version }));
      onSaved(saved);
      onClose();
    } catch (err) {
      const p = problemOf(err);
      if (p.status === 409) {
        const current = p.extra.current as Task | undefined;
        if (current) base.current = { ...base.current, version: current.version };
        setConflict({ detail: p.detail, version: current?.version ?? base.current.version });
        onReload();
      } else {
        if (isDeadlineProblem(p)) form.setFields([{ name: 'deadline', errors: [p.detail] }]);
        setProblem(p);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="min(760px, 100vw)"
      destroyOnHidden
      title={t('program.admin.amend.adjustTitle', { code: task.code })}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('program.admin.close')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="adjust-submit">
            {t('program.admin.amend.adjustSubmit')}
          </Button>
        </Flex>
      }
    >
      <div ref={top} />
      <ProblemAlert problem={problem} testId="adjust-error" />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="adjust-conflict"
          title={t('program.admin.amend.conflictTitle')}
          description={
            <>
              {conflict.detail}
              <br />
              {t('program.admin.amend.conflictKept', { version: conflict.version })}
            </>
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={saving}
        data-testid="adjust-form"
        onValuesChange={(changed) => {
          if ('deadline' in changed) form.setFields([{ name: 'deadline', errors: [] }]);
        }}
      >
        <TaskFields
          agencies={agencies}
          full
          currentDeadline={deadlineLabel(task)}
          keepTitles={{ vi: !!task.titleVi, en: !!task.titleEn }}
        />
        <AmendmentFields />
      </Form>
    </Drawer>
  );
}

function deadlineLabel(task: TaskDetail): string | null {
  const d = task.deadline;
  if (!d) return null;
  const end = d.end ? dayjs(d.end).format('DD/MM/YYYY') : '';
  return d.text ? `${d.text} (${end})` : end;
}
