// Cascade: assign a task to units below its own. Each unit gets a linked task
// led by its People's Committee; this task's progress then rolls up from them
// in the chosen way. Units that already have their task are skipped. The
// decision that orders it and the reason are optional and go on the amendment.
import { useEffect, useState } from 'react';
import { Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { formatNumber } from '../../common/format';
import type { TaskDetail } from '../types';
import { ProblemAlert, problemOf, type ShownProblem } from './ProblemAlert';
import { ROLLUP_MODES, type CascadeResult, type RollupMode } from './types';
import { ProvinceSelect, UnitMultiSelect, useProvinces } from './UnitPickers';

type TargetKind = 'all_provinces' | 'communes_of' | 'units';
interface Values {
  kind: TargetKind;
  provinceId?: number;
  unitIds?: number[];
  rollupMode: RollupMode;
  decisionRef?: string;
  reason?: string;
}
interface Props {
  task: TaskDetail;
  unitLevel: number | null;
  open: boolean;
  onClose: () => void;
  onDone: (r: CascadeResult) => void;
}

export function CascadeModal({ task, unitLevel, open, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const c = (k: string, o?: Record<string, unknown>) => t(`program.admin.cascade.${k}`, o);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const { provinces, loading, error } = useProvinces();
  const kind = Form.useWatch('kind', form);
  const provinceId = Form.useWatch('provinceId', form);
  const rollup = Form.useWatch('rollupMode', form);
  // A province's task goes to its communes; the country's to provinces or any list.
  const atProvince = unitLevel === 1;

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    form.resetFields();
    form.setFieldsValue({
      kind: atProvince ? 'communes_of' : 'all_provinces',
      provinceId: atProvince ? task.unitId : undefined,
      unitIds: [],
      rollupMode: (ROLLUP_MODES as readonly string[]).includes(task.rollupMode)
        ? (task.rollupMode as RollupMode)
        : 'average',
    });
  }, [open, form, atProvince, task.unitId, task.rollupMode]);

  const province = provinces.find((p) => p.id === provinceId);
  const estimate =
    kind === 'all_provinces' ? provinces.length : kind === 'communes_of' ? (province?.childCount ?? null) : null;

  async function submit(v: Values) {
    setSaving(true);
    setProblem(null);
    const target =
      v.kind === 'all_provinces'
        ? { kind: v.kind }
        : v.kind === 'communes_of'
          ? { kind: v.kind, provinceId: v.provinceId }
          : { kind: v.kind, unitIds: v.unitIds ?? [] };
    try {
      const decisionRef = v.decisionRef?.trim(),
        reason = v.reason?.trim();
      const r = await api.post<CascadeResult>(`/api/tasks/${task.id}/cascade`, {
        target,
        rollupMode: v.rollupMode,
        ...(decisionRef ? { decisionRef } : {}),
        ...(reason ? { reason } : {}),
      });
      onDone(r);
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
      title={c('title', { code: task.code })}
      width="min(640px, calc(100vw - 24px))"
      okText={c('submit')}
      cancelText={t('program.admin.close')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, 'data-testid': 'cascade-submit' }}
    >
      <Typography.Paragraph type="secondary">{c('intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={saving} data-testid="cascade-form">
        <Form.Item name="kind" label={c('target')}>
          <Radio.Group data-testid="cascade-kind">
            <Space orientation="vertical">
              {!atProvince && (
                <Radio value="all_provinces" data-testid="cascade-all-provinces">
                  {c('allProvinces', { count: provinces.length })}
                </Radio>
              )}
              <Radio value="communes_of" data-testid="cascade-communes-of">
                {c('communesOf')}
              </Radio>
              <Radio value="units" data-testid="cascade-chosen">
                {c('units')}
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {kind === 'communes_of' && (
          <Form.Item
            name="provinceId"
            label={c('province')}
            rules={[{ required: true, message: c('provinceRequired') }]}
            extra={province ? c('communeCount', { count: province.childCount }) : undefined}
          >
            <ProvinceSelect
              provinces={atProvince ? provinces.filter((p) => p.id === task.unitId) : provinces}
              loading={loading}
            />
          </Form.Item>
        )}
        {kind === 'units' && (
          <Form.Item
            name="unitIds"
            label={c('unitsLabel')}
            extra={c('unitsHint')}
            rules={[{ required: true, type: 'array', min: 1, message: c('unitsRequired') }]}
          >
            <UnitMultiSelect />
          </Form.Item>
        )}
        <Form.Item
          name="rollupMode"
          label={t('program.task.rollup')}
          extra={rollup ? c(`rollupHint.${rollup}`) : undefined}
        >
          <Select
            data-testid="cascade-rollup"
            options={ROLLUP_MODES.map((m) => ({ value: m, label: t(`program.task.rollupMode.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="decisionRef" label={c('decisionRef')}>
          <Input
            placeholder={t('program.admin.amend.decisionRefPlaceholder')}
            maxLength={300}
            data-testid="cascade-decision"
          />
        </Form.Item>
        <Form.Item name="reason" label={c('reason')} extra={c('reasonHint')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="cascade-reason" />
        </Form.Item>
        {estimate !== null && estimate > 0 && (
          <Typography.Paragraph strong data-testid="cascade-estimate">
            {c('estimate', { count: estimate, n: formatNumber(estimate) })}
          </Typography.Paragraph>
        )}
      </Form>
      {error && <ProblemAlert problem={{ status: 0, title: null, detail: error, type: '', extra: {} }} />}
      <ProblemAlert problem={problem} testId="cascade-error" />
    </Modal>
  );
}
