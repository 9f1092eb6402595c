// The tasks under this one (the units it was cascaded to, or the items of a
// section), with their progress and rating. Read through the task list, which
// carries the unit names (GET /tasks/:id gives children without them).
import { Alert, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../common/format';
import { titleOf } from '../ratings';
import { RatingTag, StatusTag } from '../RatingTag';
import { ProgressFigures } from '../Figures';
import type { TaskList, TaskRow } from '../types';
import { useLiveGet } from '../useLiveGet';

export function ChildTasks({ programId, parentId, tick }: { programId: number; parentId: number; tick: number }) {
  const { t } = useTranslation();
  const list = useLiveGet<TaskList>(`/api/programs/${programId}/tasks?parentId=${parentId}&limit=500`, tick);
  const tasks = list.data?.items ?? [];
  const columns: ColumnsType<TaskRow> = [
    {
      title: t('program.colTask'),
      key: 'task',
      render: (_: unknown, c) => (
        <Link to={`/program/tasks/${c.id}`}>{c.cascaded ? c.unitName : `${c.code} ${titleOf(c)}`}</Link>
      ),
    },
    { title: t('program.colDue'), dataIndex: 'dueDate', width: 110, render: (v: string | null) => formatDate(v) },
    {
      title: t('program.colProgress'),
      dataIndex: 'progress',
      width: 190,
      render: (v: number, c) => <ProgressFigures progress={v} reported={c.reported} />,
    },
    {
      title: t('program.colStatus'),
      dataIndex: 'status',
      width: 130,
      render: (_: unknown, c) => <StatusTag status={c.status} />,
    },
    {
      title: t('program.colRating'),
      dataIndex: 'rating',
      width: 110,
      render: (_: unknown, c) => <RatingTag rating={c.rating} />,
    },
  ];
  if (list.error) return <Alert type="error" showIcon title={list.error} />;
  return (
    <Table<TaskRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={tasks}
      scroll={{ x: 600 }}
      data-testid="child-tasks"
      loading={list.loading && !list.data}
      pagination={tasks.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
    />
  );
}
