// Per-section and per-child-unit tables. A child unit's name drills down.
import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../common/format';
import { pick } from '../ratings';
import { RatingTag } from '../RatingTag';
import type { ChildSummary, SectionSummary, Summary } from '../types';
import { RatingBar } from './RatingBar';

function summaryColumns<T extends Summary>(t: (k: string, o?: Record<string, unknown>) => string): ColumnsType<T> {
  return [
    // The total counts every task; when some are not rated (cancelled, suspended) it says how many, so the
    // rating's explanation ("trong N nhiệm vụ được đánh giá") never reads as another count of the same thing.
    {
      title: t('program.colTotal'),
      dataIndex: 'total',
      align: 'right',
      width: 100,
      render: (v: number, r: T) => (
        <>
          {formatNumber(v)}
          {r.unrated > 0 && ' '}
          {r.unrated > 0 && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('program.colUnrated', { unrated: formatNumber(r.unrated) })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('program.colAtRisk'),
      dataIndex: 'atRisk',
      align: 'right',
      width: 110,
      render: (v: number) => formatNumber(v),
    },
    { title: t('program.byRating'), key: 'mix', width: 160, render: (_: unknown, r: T) => <RatingBar summary={r} /> },
    {
      title: t('program.colRating'),
      dataIndex: 'rating',
      width: 110,
      render: (_: unknown, r: T) => <RatingTag rating={r.rating} />,
    },
  ];
}

export function SectionTable({ sections }: { sections: SectionSummary[] }) {
  const { t } = useTranslation();
  const columns: ColumnsType<SectionSummary> = [
    {
      title: t('program.colSection'),
      key: 'title',
      render: (_: unknown, s) => (
        <>
          <Typography.Text strong>{s.code}</Typography.Text> {pick(s.title)}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {pick(s.explanation)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    ...summaryColumns<SectionSummary>(t),
  ];
  return (
    <Table<SectionSummary>
      rowKey="sectionId"
      size="small"
      columns={columns}
      dataSource={sections}
      pagination={false}
      scroll={{ x: 640 }}
      data-testid="section-table"
    />
  );
}

export function ChildrenTable({ units, onOpen }: { units: ChildSummary[]; onOpen: (u: ChildSummary) => void }) {
  const { t } = useTranslation();
  const columns: ColumnsType<ChildSummary> = [
    {
      title: t('program.colUnit'),
      key: 'name',
      render: (_: unknown, u) => (
        <Button
          type="link"
          size="small"
          onClick={() => onOpen(u)}
          style={{ padding: 0 }}
          data-testid={`drill-${u.code}`}
        >
          {u.name}
        </Button>
      ),
    },
    ...summaryColumns<ChildSummary>(t),
  ];
  return (
    <Table<ChildSummary>
      rowKey="unitId"
      size="small"
      columns={columns}
      dataSource={units}
      scroll={{ x: 640 }}
      pagination={units.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
      data-testid="children-table"
    />
  );
}
