// The 2025 two-tier norm for a province's communes: the user sets the weights
// (and optionally the total), sees each commune's proposal next to its current
// quota in the chosen period, and downloads the scenario as CSV.
import { useMemo, useState } from 'react';
import { Alert, Button, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { formatNumber } from '../common/format';
import type { TreeResponse } from '../types';
import type { NormScenario, NormUnit } from './types';

type Weights = { wEqual: number; wPopulation: number; wArea: number; wSpecial: number };

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

export function NormsScenario({ period }: { period: string | null }) {
  const { t, i18n } = useTranslation();
  const country = useApiGet<TreeResponse>('/api/units/tree');
  const countryId = country.data?.items[0]?.id;
  const provinces = useApiGet<TreeResponse>(countryId ? withQuery('/api/units/tree', { parentId: countryId }) : null);
  const [province, setProvince] = useState<string | null>(null);
  const [weights, setWeights] = useState<Weights>({ wEqual: 0.5, wPopulation: 0.25, wArea: 0.15, wSpecial: 0.1 });
  const [total, setTotal] = useState<number | null>(null);
  const path = useMemo(
    () =>
      province
        ? withQuery('/api/staffing/norms', {
            ruleSet: 'two-tier-2025-commune',
            unitCode: province,
            comparePeriod: period,
            total,
            ...weights,
          })
        : null,
    [province, weights, total, period],
  );
  const scenario = useApiGet<NormScenario>(path);
  const lang = i18n.language === 'en' ? 'en' : 'vi';

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="inline" initialValues={weights} onValuesChange={(_, all: Weights) => setWeights(all)}>
        <Form.Item label={t('staffing.province')}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 240 }}
            value={province}
            onChange={setProvince}
            data-testid="norms-province"
            options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.fullName }))}
          />
        </Form.Item>
        <Form.Item name="wEqual" label={t('staffing.wEqual')}>
          <InputNumber min={0} step={0.05} />
        </Form.Item>
        <Form.Item name="wPopulation" label={t('staffing.wPopulation')}>
          <InputNumber min={0} step={0.05} />
        </Form.Item>
        <Form.Item name="wArea" label={t('staffing.wArea')}>
          <InputNumber min={0} step={0.05} />
        </Form.Item>
        <Form.Item name="wSpecial" label={t('staffing.wSpecial')}>
          <InputNumber min={0} step={0.05} />
        </Form.Item>
        <Form.Item label={t('staffing.total')}>
          <InputNumber min={1} value={total} onChange={(v) => setTotal(v ?? null)} placeholder="32 × n" />
        </Form.Item>
      </Form>
      {scenario.error && <Alert type="error" showIcon title={scenario.error} />}
      {scenario.data && (
        <>
          <Typography.Paragraph type="secondary">
            {scenario.data.province.name}: <span data-testid="norms-total">{formatNumber(scenario.data.total)}</span> /{' '}
            {scenario.data.province.communes} — {scenario.data.ruleSet.legalBasis.join('; ')}
          </Typography.Paragraph>
          <Button
            onClick={() =>
              download(
                `scenario-${province}.csv`,
                [
                  'code,name,proposed,current,share',
                  ...scenario.data!.units.map((u) =>
                    [u.code, `"${u.name}"`, u.value, u.current ?? '', u.share.toFixed(6)].join(','),
                  ),
                ].join('\n') + '\n',
              )
            }
          >
            {t('staffing.exportScenario')}
          </Button>
          <Table<NormUnit>
            size="small"
            rowKey="code"
            data-testid="norms-table"
            dataSource={scenario.data.units}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            expandable={{
              expandedRowRender: (u) => (
                <ul>
                  {u.steps.map((s, i) => (
                    <li key={i}>{s[lang]}</li>
                  ))}
                </ul>
              ),
            }}
            columns={[
              { title: t('staffing.unit'), dataIndex: 'name' },
              {
                title: t('staffing.proposed2025'),
                dataIndex: 'value',
                align: 'right',
                render: (v: number) => formatNumber(v),
              },
              {
                title: t('staffing.current'),
                dataIndex: 'current',
                align: 'right',
                render: (v: number | null) => formatNumber(v),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
