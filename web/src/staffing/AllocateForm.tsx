// Allocate part of the current node's quota to one of the units under it. The
// server checks the rule; a refusal is shown as it comes, with the limit and the excess.
import { useState } from 'react';
import { Alert, Button, Form, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import type { TreeResponse } from '../types';
import { CATEGORIES, type AllocationOutcome } from './types';

interface Values {
  unitId: number;
  category: string;
  quota: number;
  reserve?: number;
}

export function AllocateForm({
  period,
  parentUnitId,
  onDone,
}: {
  period: string;
  parentUnitId: number;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const children = useApiGet<TreeResponse>(withQuery('/api/units/tree', { parentId: parentUnitId }));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [result, setResult] = useState<AllocationOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    setRefusal(null);
    setResult(null);
    try {
      const r = await api.post<AllocationOutcome>('/api/staffing/allocations', {
        period,
        unitId: v.unitId,
        category: v.category,
        quota: v.quota,
        reserve: v.reserve ?? undefined,
      });
      setResult(r);
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
        initialValues={{ category: 'commune_cadre' }}
        data-testid="allocate-form"
      >
        <Form.Item name="unitId" rules={[{ required: true, message: t('staffing.pickUnit') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 260 }}
            placeholder={t('staffing.pickUnit')}
            loading={children.loading}
            data-testid="allocate-unit"
            options={(children.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.code})` }))}
          />
        </Form.Item>
        <Form.Item name="category">
          <Select
            style={{ minWidth: 220 }}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`staffing.category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="quota" rules={[{ required: true, message: t('staffing.quotaRequired') }]}>
          <InputNumber min={0} placeholder={t('staffing.assigned')} data-testid="allocate-quota" />
        </Form.Item>
        <Form.Item name="reserve">
          <InputNumber min={0} placeholder={t('staffing.reserve')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="allocate-submit">
          {t('staffing.allocate')}
        </Button>
      </Form>
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={t('staffing.refused')}
          description={refusal}
          data-testid="allocate-refusal"
        />
      )}
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="allocate-ok"
          title={t('staffing.allocated', {
            name: result.name,
            quota: result.quota,
            available: result.parent?.available ?? result.available,
          })}
          description={result.warnings.map((w) => (i18n.language === 'en' ? w.en : w.vi)).join(' ') || undefined}
        />
      )}
    </Space>
  );
}
