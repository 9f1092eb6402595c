// The register of people affected by the reorganisation for one unit's subtree: filters by unit, category and
// outcome; names shown only where the server sends them (HR over the unit), else a "masked" tag; the Excel
// export (HR only) and the import of a register. The unit is in the address (?unitId=) so the page can be shared.
import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { formatDate, formatNumber } from '../common/format';
import { UnitPicker } from '../admin/UnitPicker';
import { uploadRegister } from './peopleApi';
import type { Category, OutcomeKind, PeopleList, Person } from './types';

const CATEGORIES: Category[] = [
  'cadre',
  'civil_servant',
  'public_employee',
  'contract_worker',
  'commune_part_time',
  'party_committee',
];
const OUTCOMES: (OutcomeKind | 'none')[] = [
  'none',
  'placed',
  'early_retirement',
  'resignation',
  'until_retirement',
  'part_time_ended',
];

export function Masked() {
  const { t } = useTranslation();
  return (
    <Tag color="default" data-testid="masked">
      {t('people.masked')}
    </Tag>
  );
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId');
  const category = params.get('category') ?? undefined;
  const outcome = params.get('outcome') ?? undefined;
  const [importing, setImporting] = useState(false);
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  const { data, error, loading, reload } = useApiGet<PeopleList>(
    unitId ? withQuery('/api/people', { unitId, category, outcome, limit: 500 }) : null,
  );

  const columns = [
    {
      title: t('people.name'),
      key: 'name',
      render: (_: unknown, p: Person) => (
        <Link to={`/people/${p.id}`} data-testid="person-link">
          {p.personal ? p.fullName : <Masked />}
        </Link>
      ),
    },
    {
      title: t('people.birthDate'),
      key: 'birth',
      responsive: ['md' as const],
      render: (_: unknown, p: Person) => (p.personal ? formatDate(p.birthDate) : <Masked />),
    },
    { title: t('people.unit'), dataIndex: 'unitName', key: 'unit', responsive: ['lg' as const] },
    {
      title: t('people.category'),
      key: 'category',
      responsive: ['sm' as const],
      render: (_: unknown, p: Person) => t(`people.categories.${p.category}`),
    },
    {
      title: t('people.outcome'),
      key: 'outcome',
      render: (_: unknown, p: Person) => t(`people.outcomes.${p.outcome?.kind ?? 'none'}`),
    },
    {
      title: t('people.benefitTotal'),
      key: 'benefit',
      align: 'right' as const,
      render: (_: unknown, p: Person) => (p.outcome?.benefit ? formatNumber(p.outcome.benefit.total) : '—'),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="people-page">
      <Typography.Title level={3}>{t('people.listTitle')}</Typography.Title>
      <Card size="small">
        <Space wrap>
          <div style={{ width: 'min(320px, 80vw)' }}>
            <UnitPicker onChange={(u) => set('unitId', u ? String(u.id) : undefined)} />
          </div>
          <Select
            allowClear
            placeholder={t('people.allCategories')}
            style={{ width: 200, maxWidth: '80vw' }}
            value={category}
            onChange={(v?: string) => set('category', v)}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`people.categories.${c}`) }))}
            data-testid="people-category"
          />
          <Select
            allowClear
            placeholder={t('people.allOutcomes')}
            style={{ width: 200, maxWidth: '80vw' }}
            value={outcome}
            onChange={(v?: string) => set('outcome', v)}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`people.outcomes.${o}`) }))}
            data-testid="people-outcome"
          />
        </Space>
      </Card>
      {unitId && (
        <Space wrap>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            customRequest={async ({ file }) => {
              setImporting(true);
              try {
                const r = await uploadRegister(Number(unitId), file as File);
                message.success(t('people.imported', r));
                reload();
              } catch (e) {
                message.error((e as Error).message, 10);
              } finally {
                setImporting(false);
              }
            }}
          >
            <Button icon={<UploadOutlined />} loading={importing} data-testid="people-import">
              {t('people.import')}
            </Button>
          </Upload>
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/people/export.xlsx', { unitId })}
            data-testid="people-export"
          >
            {t('people.exportXlsx')}
          </Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon message={error} />}
      {data && data.personalRows < data.items.length && <Alert type="info" showIcon message={t('people.maskedNote')} />}
      {unitId && (
        <Table<Person>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          footer={() => (data ? t('people.total', { total: data.total }) : null)}
          data-testid="people-table"
        />
      )}
    </Space>
  );
}
