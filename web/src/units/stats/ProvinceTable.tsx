import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { formatNumber } from '../../common/format';
import { formatRatio, percentValue } from '../../common/percent';
import type { ProvinceRestructuring } from '../../types';

const byText = (a: string, b: string) => a.localeCompare(b, 'vi');
const share = (p: ProvinceRestructuring) => percentValue(p.reduction.numerator, p.reduction.denominator) ?? 0;

export function ProvinceTable({ provinces }: { provinces: ProvinceRestructuring[] }) {
  const { t } = useTranslation();
  const { status } = useAuth();
  // The registry is for officials; visitors get the name as plain text.
  const canOpenUnit = status === 'authenticated';

  const columns: ColumnsType<ProvinceRestructuring> = [
    {
      title: t('stats.colCode'),
      dataIndex: 'code',
      width: 70,
      sorter: (a, b) => byText(a.code, b.code),
      defaultSortOrder: 'ascend',
    },
    {
      title: t('stats.colName'),
      dataIndex: 'fullName',
      fixed: 'left',
      width: 170,
      sorter: (a, b) => byText(a.name, b.name),
      render: (_, p) => (canOpenUnit ? <Link to={`/units/${p.id}`}>{p.fullName}</Link> : p.fullName),
    },
    {
      title: t('stats.colFormedFrom'),
      dataIndex: 'formedFrom',
      render: (_, p) =>
        p.formedFromCount <= 1 ? (
          <Typography.Text type="secondary">{t('stats.keptWhole')}</Typography.Text>
        ) : (
          p.formedFrom.map((f) => f.name).join(', ')
        ),
    },
    {
      title: t('stats.colFormedFromCount'),
      dataIndex: 'formedFromCount',
      align: 'right',
      sorter: (a, b) => a.formedFromCount - b.formedFromCount,
    },
    {
      title: t('stats.colBefore'),
      dataIndex: 'communesBefore',
      align: 'right',
      render: (v: number) => formatNumber(v),
      sorter: (a, b) => a.communesBefore - b.communesBefore,
    },
    {
      title: t('stats.colAfter'),
      dataIndex: 'communesAfter',
      align: 'right',
      render: (v: number) => formatNumber(v),
      sorter: (a, b) => a.communesAfter - b.communesAfter,
    },
    {
      title: t('stats.colReduction'),
      dataIndex: 'reduction',
      align: 'right',
      render: (_, p) => formatRatio(p.reduction),
      sorter: (a, b) => share(a) - share(b),
    },
    {
      title: t('stats.colArea'),
      dataIndex: 'areaKm2',
      align: 'right',
      render: (v: number | null) => formatNumber(v, 2),
      sorter: (a, b) => (a.areaKm2 ?? -1) - (b.areaKm2 ?? -1),
    },
    {
      title: t('stats.colPopulation'),
      dataIndex: 'population',
      align: 'right',
      render: (v: number | null) => formatNumber(v),
      sorter: (a, b) => (a.population ?? -1) - (b.population ?? -1),
    },
  ];

  return (
    <div data-testid="stats-table">
      <Table<ProvinceRestructuring>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={provinces}
        pagination={false}
        scroll={{ x: 980 }}
      />
    </div>
  );
}
