// Set the streamlining target of the current unit or a unit under it: a cut in
// % or a target headcount, with its decision, and optionally the baseline and
// target dates (by default the period's first and last day). The server checks
// the scope (the level that gives the quota sets the target) and finds the
// baseline: the headcount recorded on or before the baseline date; when there is
// none its message asks to record one or to choose another baseline date, which
// is why the form has that field.
import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { API_DATE, formatDate, formatNumber } from '../common/format';
import type { TreeResponse } from '../types';
import { CATEGORIES } from './types';
import type { TargetOutcome } from './reportTypes';

interface Values {
  unitId: number;
  category: string;
  share?: number | null;
  targetHeadcount?: number | null;
  basis: string;
  baselineDate?: Dayjs | null;
  targetDate?: Dayjs | null;
}

export function TargetForm({
  period,
  unitId,
  category,
  onDone,
}: {
  period: string;
  unitId?: number;
  category: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const root = useApiGet<TreeResponse>(unitId === undefined ? '/api/units/tree' : null);
  const self = unitId ?? root.data?.items[0]?.id;
  const children = useApiGet<TreeResponse>(self ? withQuery('/api/units/tree', { parentId: self }) : null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [result, setResult] = useState<TargetOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const options = [...(unitId === undefined ? (root.data?.items ?? []) : []), ...(children.data?.items ?? [])].map(
    (u) => ({ value: u.id, label: `${u.fullName} (${u.code})` }),
  );

  async function submit(v: Values) {
    setRefusal(null);
    setResult(null);
    if ((v.share == null) === (v.targetHeadcount == null)) {
      setRefusal(t('staffing.report.oneOf'));
      return;
    }
    setBusy(true);
    try {
      setResult(
        await api.post<TargetOutcome>('/api/staffing/targets', {
          period,
          unitId: v.unitId,
          category: v.category,
          basis: v.basis,
          share: v.share ?? undefined,
          targetHeadcount: v.targetHeadcount ?? undefined,
          baselineDate: v.baselineDate?.format(API_DATE),
          targetDate: v.targetDate?.format(API_DATE),
        }),
      );
      onDone();
    } catch (err) {
      setRefusal(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form<Values>
        layout="inline"
        onFinish={submit}
        initialValues={{ category, unitId }}
        key={`${unitId}:${category}`}
        data-testid="target-form"
      >
        <Form.Item name="unitId" rules={[{ required: true, message: t('staffing.pickUnit') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 260 }}
            placeholder={t('staffing.pickUnit')}
            options={options}
            data-testid="target-unit"
          />
        </Form.Item>
        <Form.Item name="category">
          <Select
            style={{ minWidth: 220 }}
            data-testid="target-category"
            options={CATEGORIES.map((c) => ({ value: c, label: t(`staffing.category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="share">
          <InputNumber min={0} max={100} style={{ width: 140 }} placeholder={t('staffing.report.share')} />
        </Form.Item>
        <Form.Item name="targetHeadcount">
          <InputNumber min={0} style={{ width: 150 }} placeholder={t('staffing.report.headcount')} />
        </Form.Item>
        <Form.Item
          name="baselineDate"
          label={t('staffing.report.baselineDate')}
          tooltip={t('staffing.report.baselineDateHint')}
        >
          <DatePicker
            format="DD/MM/YYYY"
            placeholder={t('staffing.report.periodStart')}
            data-testid="target-baseline-date"
          />
        </Form.Item>
        <Form.Item
          name="targetDate"
          label={t('staffing.report.targetDateField')}
          tooltip={t('staffing.report.targetDateHint')}
        >
          <DatePicker format="DD/MM/YYYY" placeholder={t('staffing.report.periodEnd')} data-testid="target-date" />
        </Form.Item>
        <Form.Item
          name="basis"
          rules={[{ required: true, whitespace: true, message: t('staffing.report.basisRequired') }]}
        >
          <Input style={{ minWidth: 240 }} placeholder={t('staffing.report.basis')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('staffing.report.setTarget')}
        </Button>
      </Form>
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={t('staffing.report.refused')}
          description={refusal}
          data-testid="target-refusal"
        />
      )}
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="target-ok"
          title={t('staffing.report.saved', {
            name: result.name,
            baseline: formatNumber(result.baselineHeadcount),
            target: formatNumber(result.targetHeadcount),
            date: formatDate(result.targetDate),
          })}
        />
      )}
    </Space>
  );
}
