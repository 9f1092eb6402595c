// Amendment: add a task (or a group or section) under a part, section or
// group of the program as in force today, with the decision that orders it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { App as AntApp, Button, Col, Drawer, Flex, Form, Input, Row, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { API_DATE } from '../../common/format';
import { useApiGet } from '../../common/useApiGet';
import { pick } from '../ratings';
import type { Agency, Task } from '../types';
import { AmendmentFields, amendmentOf, type AmendmentValues } from './AmendmentFields';
import { isDeadlineProblem, ProblemAlert, problemOf, type ShownProblem } from './ProblemAlert';
import { TaskFields } from './TaskFields';
import { newTaskOf, type TaskFormValues } from './taskForm';
import type { AsOfItem, AsOfResponse } from './types';

type Values = TaskFormValues &
  AmendmentValues & { parentId: number; kind: 'task' | 'group' | 'section'; code?: string };
interface TreeOption {
  value: number;
  title: string;
  children?: TreeOption[];
}
const CONTAINERS = new Set(['part', 'section', 'group']);

function parentOptions(items: AsOfItem[]): TreeOption[] {
  const open = items.filter((i) => CONTAINERS.has(i.kind) && !i.cancelled);
  const byId = new Map<number, TreeOption>(
    open.map((i) => [i.taskId, { value: i.taskId, title: `${i.code} — ${pick({ vi: i.titleVi, en: i.titleEn })}` }]),
  );
  const roots: TreeOption[] = [];
  for (const i of open) {
    const node = byId.get(i.taskId)!;
    const parent = i.parentId !== null ? byId.get(i.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

interface Props {
  programId: number;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}

export function AddTaskDrawer({ programId, open, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) top.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [problem]);
  const today = dayjs().format(API_DATE);
  const content = useApiGet<AsOfResponse>(open ? `/api/programs/${programId}/as-of?asOf=${today}` : null);
  const items = useMemo(() => content.data?.items ?? [], [content.data]);
  const options = useMemo(() => parentOptions(items), [items]);
  const parentId = Form.useWatch('parentId', form);
  const parentUnit = items.find((i) => i.taskId === parentId)?.unitId ?? items[0]?.unitId ?? null;
  const agencies = useApiGet<{ items: Agency[] }>(open && parentUnit ? `/api/units/${parentUnit}/agencies` : null);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue({ kind: 'task', effectiveDate: dayjs(), decisionRef: '', reason: '' });
  }, [open, form]);

  async function submit(v: Values) {
    setSaving(true);
    setProblem(null);
    try {
      const code = v.code?.trim();
      const task = await api.post<Task>(`/api/programs/${programId}/tasks`, {
        ...amendmentOf(v),
        parentId: v.parentId,
        kind: v.kind,
        task: { ...newTaskOf(v), ...(code ? { code } : {}) },
      });
      message.success(
        <span>
          {t('program.admin.amend.added', { code: task.code })}{' '}
          <Link to={`/program/tasks/${task.id}`}>{t('program.admin.open')}</Link>
        </span>,
      );
      onAdded();
      onClose();
    } catch (err) {
      const p = problemOf(err);
      if (isDeadlineProblem(p)) form.setFields([{ name: 'deadline', errors: [p.detail] }]);
      setProblem(p);
    } finally {
      setSaving(false);
    }
  }

  const f = (k: string) => t(`program.admin.field.${k}`);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="min(760px, 100vw)"
      destroyOnHidden
      title={t('program.admin.amend.addTitle')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('program.admin.close')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="add-submit">
            {t('program.admin.amend.addSubmit')}
          </Button>
        </Flex>
      }
    >
      <div ref={top} />
      {content.error && (
        <ProblemAlert problem={{ status: 0, title: null, detail: content.error, type: '', extra: {} }} />
      )}
      <ProblemAlert problem={problem} testId="add-error" />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={saving}
        data-testid="add-form"
        onValuesChange={(changed) => {
          if ('deadline' in changed) form.setFields([{ name: 'deadline', errors: [] }]);
        }}
      >
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item
              name="parentId"
              label={f('parent')}
              rules={[{ required: true, message: t('program.admin.requiredField', { field: f('parent') }) }]}
            >
              <TreeSelect
                treeData={options}
                showSearch
                treeNodeFilterProp="title"
                loading={content.loading}
                data-testid="add-parent"
                placeholder={f('parentPlaceholder')}
                popupMatchSelectWidth
                treeDefaultExpandAll={false}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="kind" label={f('kind')}>
              <Select
                options={(['task', 'group', 'section'] as const).map((k) => ({
                  value: k,
                  label: t(`program.admin.kind.${k}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={16}>
            <Form.Item
              name="code"
              label={f('code')}
              extra={f('codeHint')}
              rules={[{ pattern: /^[A-Za-z0-9.@_~-]{1,80}$/, message: f('codeHint') }]}
            >
              <Input maxLength={80} />
            </Form.Item>
          </Col>
        </Row>
        <TaskFields agencies={agencies.data?.items ?? []} full={false} />
        <AmendmentFields />
      </Form>
    </Drawer>
  );
}
