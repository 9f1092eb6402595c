// The open warnings of one task, each with its plain-language explanation.
import { Alert, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '../../common/PageSpinner';
import { pick } from '../ratings';
import type { TaskDetail, TaskWarning } from '../types';
import { useLiveGet } from '../useLiveGet';

export const SEVERITY_COLORS: Record<TaskWarning['severity'], string> = {
  info: 'blue',
  warning: 'orange',
  critical: 'red',
};

export function TaskWarningsPreview({ taskId, tick }: { taskId: number; tick: number }) {
  const { t } = useTranslation();
  const task = useLiveGet<TaskDetail>(`/api/tasks/${taskId}`, tick);
  if (task.error) return <Alert type="error" showIcon title={task.error} />;
  if (!task.data) return <PageSpinner />;
  return (
    <List
      size="small"
      dataSource={task.data.warnings}
      locale={{ emptyText: t('program.task.noWarnings') }}
      renderItem={(w) => (
        <List.Item>
          <Tag color={SEVERITY_COLORS[w.severity]}>{t(`program.warningKind.${w.kind}`)}</Tag> {pick(w.message)}
        </List.Item>
      )}
    />
  );
}
