// Open warnings of the task, each with its plain-language explanation and the
// acknowledge / resolve actions (the server checks who may do them).
import { useState } from 'react';
import { App as AntApp, Button, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api';
import { formatDateTime } from '../../common/format';
import { SEVERITY_COLORS } from '../dashboard/TaskWarningsPreview';
import { pick } from '../ratings';
import type { TaskWarning } from '../types';

export function WarningsPanel({ warnings, onChanged }: { warnings: TaskWarning[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<number | null>(null);

  async function act(w: TaskWarning, action: 'acknowledge' | 'resolve') {
    setBusy(w.id);
    try {
      await api.post(`/api/warnings/${w.id}/${action}`, {});
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <List
      size="small"
      dataSource={warnings}
      locale={{ emptyText: t('program.task.noWarnings') }}
      data-testid="task-warnings"
      renderItem={(w) => (
        <List.Item data-kind={w.kind} style={{ display: 'block' }}>
          <Space wrap size={4}>
            <Tag color={SEVERITY_COLORS[w.severity]}>{t(`program.warningKind.${w.kind}`)}</Tag>
          </Space>
          <div style={{ margin: '4px 0' }} data-testid="warning-message">
            {pick(w.message)}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('program.task.raised', { time: formatDateTime(w.raisedAt) })}
            {w.acknowledgedAt && ` · ${t('program.task.acknowledged', { time: formatDateTime(w.acknowledgedAt) })}`}
            {w.escalatedAt && ` · ${t('program.task.escalated', { time: formatDateTime(w.escalatedAt) })}`}
          </Typography.Text>
          <Space size={8} style={{ display: 'flex', marginTop: 6 }}>
            {!w.acknowledgedAt && (
              <Button size="small" loading={busy === w.id} onClick={() => act(w, 'acknowledge')}>
                {t('program.task.acknowledge')}
              </Button>
            )}
            <Button size="small" type="primary" ghost loading={busy === w.id} onClick={() => act(w, 'resolve')}>
              {t('program.task.resolve')}
            </Button>
          </Space>
        </List.Item>
      )}
    />
  );
}
