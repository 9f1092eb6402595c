// A paginated list of tasks (overdue, at risk, mine), each with its rating,
// its warnings and the plain-language reason for the rating. Expanding a row
// reads the task's open warnings with their full explanations.
import { useState } from 'react';
import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { withQuery } from '../../api';
import { formatDate } from '../../common/format';
import { pick } from '../ratings';
import { RatingTag, StatusTag } from '../RatingTag';
import { ProgressFigures } from '../Figures';
import type { TaskListItem, TaskPage } from '../types';
import { useLiveGet } from '../useLiveGet';
import { TaskWarningsPreview } from './TaskWarningsPreview';

const PAGE = 10;

export function TaskList({
  path,
  unitId,
  tick,
  testId,
}: {
  path: string;
  unitId?: number;
  tick: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useLiveGet<TaskPage>(withQuery(path, { unitId, limit: PAGE, offset: (page - 1) * PAGE }), tick);

  const columns: ColumnsType<TaskListItem> = [
    {
      title: t('program.colTask'),
      key: 'task',
      render: (_: unknown, r) => (
        <>
          <Link to={`/program/tasks/${r.taskId}`}>
            <Typography.Text strong>{r.taskCode}</Typography.Text> {pick(r.title)}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.unitName}
            </Typography.Text>
          </div>
          <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
            {r.warningKinds.map((k) => (
              <Tag key={k} color="volcano">
                {t(`program.warningKind.${k}`)}
              </Tag>
            ))}
          </Space>
          {r.ratingExplanation && <div className="task-why">{pick(r.ratingExplanation)}</div>}
        </>
      ),
    },
    { title: t('program.colDue'), dataIndex: 'dueDate', width: 105, render: (v: string | null) => formatDate(v) },
    {
      title: t('program.colProgress'),
      dataIndex: 'progress',
      width: 190,
      render: (v: number, r) => <ProgressFigures progress={v} reported={r.reported} />,
    },
    {
      title: t('program.colStatus'),
      dataIndex: 'status',
      width: 130,
      render: (_: unknown, r) => <StatusTag status={r.status} />,
    },
    {
      title: t('program.colRating'),
      dataIndex: 'rating',
      width: 110,
      render: (_: unknown, r) => <RatingTag rating={r.rating} />,
    },
  ];

  if (list.error) return <Alert type="error" showIcon title={list.error} />;
  return (
    <Table<TaskListItem>
      data-testid={testId}
      data-total={list.data?.total ?? ''}
      rowKey="taskId"
      size="small"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.loading && !list.data}
      scroll={{ x: 760 }}
      locale={{ emptyText: t('program.emptyList') }}
      expandable={{
        expandedRowRender: (r) => <TaskWarningsPreview taskId={r.taskId} tick={tick} />,
        rowExpandable: (r) => r.warningKinds.length > 0,
      }}
      pagination={{
        current: page,
        pageSize: PAGE,
        total: list.data?.total ?? 0,
        onChange: setPage,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total) => t('common.total', { total }),
      }}
    />
  );
}
