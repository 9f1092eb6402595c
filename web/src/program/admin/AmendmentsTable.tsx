// The program's amendments, newest first: each version with its decision,
// reason, effective date and who recorded it. A row opens the program as it
// stood on that amendment's effective date.
import type { HTMLAttributes } from 'react';
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../common/format';
import type { Amendment } from './types';

export const AMENDMENT_COLORS: Record<string, string> = {
  import: 'blue',
  add: 'green',
  adjust: 'gold',
  cancel: 'red',
  cascade: 'purple',
  tasklist: 'cyan',
};

export function AmendmentsTable({ amendments, onAsOf }: { amendments: Amendment[]; onAsOf: (date: string) => void }) {
  const { t } = useTranslation();
  const rows = [...amendments].sort((a, b) => b.versionNo - a.versionNo);
  const columns: ColumnsType<Amendment> = [
    {
      title: t('program.admin.content.colVersion'),
      dataIndex: 'versionNo',
      width: 70,
      render: (v: number) => <strong>{v}</strong>,
    },
    {
      title: t('program.admin.content.colKind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: string) => (
        <Tag color={AMENDMENT_COLORS[k]}>{t(`program.admin.amendKind.${k}`, { defaultValue: k })}</Tag>
      ),
    },
    {
      title: t('program.admin.content.colDecision'),
      dataIndex: 'decisionRef',
      width: 210,
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('program.admin.content.colReason'),
      dataIndex: 'reason',
      width: 280,
      render: (r: string | null) => <Typography.Text>{r ?? '—'}</Typography.Text>,
    },
    {
      title: t('program.admin.content.colEffective'),
      dataIndex: 'effectiveDate',
      width: 110,
      render: (d: string) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => onAsOf(d)}
          title={t('program.admin.content.viewAsOf')}
        >
          {formatDate(d)}
        </Button>
      ),
    },
    { title: t('program.admin.content.colActor'), dataIndex: 'actor', width: 120 },
    {
      title: t('program.admin.content.colRecorded'),
      dataIndex: 'createdAt',
      width: 160,
      render: (d: string) => formatDateTime(d),
    },
  ];
  return (
    <Table<Amendment>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      scroll={{ x: 1100 }}
      data-testid="amendments"
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      onRow={(a) => ({ 'data-kind': a.kind, 'data-version': a.versionNo }) as HTMLAttributes<HTMLElement>}
    />
  );
}
