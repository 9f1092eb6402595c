// /program/tasks/:id — one task: its facts, official and reported figures,
// rating and why, warnings with their actions, the units it was cascaded to,
// its reports (with their earlier versions) and the report form, its change
// requests. What the caller may do comes from the server (`can`). Live: any
// event on the task's program re-reads the page's data.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageSpinner } from '../common/PageSpinner';
import { useApiGet } from '../common/useApiGet';
import type { UnitDetail } from '../types';
import { TaskAdminBar } from './admin/TaskAdminBar';
import { TaskHistory } from './admin/TaskHistory';
import { LiveIndicator } from './LiveIndicator';
import { titleOf } from './ratings';
import { ChildTasks } from './task/ChildTasks';
import { ReportForm } from './task/ReportForm';
import { ReportsTable } from './task/ReportsTable';
import { TaskInfo } from './task/TaskInfo';
import { WarningsPanel } from './task/WarningsPanel';
import type { Agency, ChangeRequest, Report, TaskDetail } from './types';
import { ChangeRequests } from './requests/ChangeRequests';
import { useLiveGet } from './useLiveGet';
import { useProgramEvents } from './useProgramEvents';
import './program.css';

export default function TaskPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [programId, setProgramId] = useState<number | null>(null);
  const live = useProgramEvents(programId);
  const task = useLiveGet<TaskDetail>(Number.isFinite(id) ? `/api/tasks/${id}` : null, live.tick);
  const reports = useLiveGet<{ items: Report[] }>(Number.isFinite(id) ? `/api/tasks/${id}/reports` : null, live.tick);
  const requests = useLiveGet<{ items: ChangeRequest[] }>(
    Number.isFinite(id) ? `/api/tasks/${id}/change-requests` : null,
    live.tick,
  );
  const data = task.data && task.data.id === id ? task.data : null;
  if (data && data.programId !== programId) setProgramId(data.programId);
  const unit = useApiGet<UnitDetail>(data ? `/api/units/${data.unitId}` : null);
  const agencies = useApiGet<{ items: Agency[] }>(data ? `/api/units/${data.unitId}/agencies` : null);
  const agencyMap = useMemo(() => new Map((agencies.data?.items ?? []).map((a) => [a.id, a])), [agencies.data]);
  const [editing, setEditing] = useState<Report | null>(null);
  // Bumped after an amendment or cascade here, so the children list re-reads without waiting for the live event.
  const [changed, setChanged] = useState(0);

  if (task.error && !data)
    return (
      <Alert
        type="error"
        showIcon
        title={task.error}
        action={<Button onClick={task.reload}>{t('common.retry')}</Button>}
      />
    );
  if (!data) return <PageSpinner />;
  const refresh = () => {
    task.reload();
    reports.reload();
    requests.reload();
  };
  const leaf = data.kind === 'task' && !(data.children ?? []).some((c) => c.cascaded);
  const unitName = unit.data
    ? [
        unit.data.name,
        ...unit.data.ancestors
          .filter((a) => a.level > 0)
          .map((a) => a.name)
          .reverse(),
      ].join(', ')
    : '…';

  return (
    <div data-testid="task-detail" data-task={data.id} data-version={data.version}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Link to={`/program?program=${data.programId}`}>
          <ArrowLeftOutlined /> {t('program.task.back')}
        </Link>
        <LiveIndicator live={live} />
      </Flex>
      <Typography.Title level={3} style={{ marginTop: 8 }} className="program-title">
        <Typography.Text type="secondary" style={{ fontSize: 'inherit' }}>
          {data.code}
        </Typography.Text>{' '}
        {titleOf(data)}
      </Typography.Title>
      {data.cascaded && <Typography.Paragraph type="secondary">{t('program.task.cascaded')}</Typography.Paragraph>}
      <TaskAdminBar
        task={data}
        unit={unit.data}
        agencies={agencies.data?.items ?? []}
        onChanged={() => {
          refresh();
          setChanged((n) => n + 1);
        }}
      />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <TaskInfo task={data} unitName={unitName} agencies={agencyMap} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('program.task.warnings')}>
            <WarningsPanel warnings={data.warnings} onChanged={refresh} />
          </Card>
        </Col>
      </Row>

      {data.children.length > 0 && (
        <Card
          size="small"
          style={{ marginTop: 16 }}
          title={t('program.task.children', { count: data.children.length })}
        >
          <ChildTasks programId={data.programId} parentId={data.id} tick={live.tick + changed} />
        </Card>
      )}

      <Space orientation="vertical" size={16} style={{ width: '100%', marginTop: 16 }}>
        {data.kind === 'task' && (
          <Card size="small" title={t('program.report.list')}>
            {reports.error && <Alert type="error" showIcon title={reports.error} />}
            <ReportsTable
              reports={reports.data?.items ?? []}
              loading={reports.loading && !reports.data}
              onEdit={setEditing}
              onChanged={refresh}
            />
          </Card>
        )}
        {data.can.report || editing ? (
          <>
            <ReportForm
              taskId={data.id}
              startProgress={data.progress}
              editing={editing}
              onCancelEdit={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                refresh();
              }}
            />
            {data.reviewedBy && (
              <Typography.Text type="secondary" data-testid="report-awaiting-note">
                {t('program.report.awaitingNote', { unit: data.reviewedBy.name })}
              </Typography.Text>
            )}
          </>
        ) : (
          data.kind === 'task' && (
            <Alert type="info" showIcon title={leaf ? t('program.report.notYours') : t('program.report.rollupOnly')} />
          )
        )}
        {data.kind === 'task' && (requests.data?.items.length ?? 0) > 0 && (
          <Card size="small" title={t('program.requests.list')}>
            <ChangeRequests items={requests.data?.items ?? []} onChanged={refresh} />
          </Card>
        )}
        <Card size="small" title={t('program.admin.history.title')}>
          <TaskHistory taskId={data.id} tick={live.tick + changed} />
        </Card>
      </Space>
    </div>
  );
}
