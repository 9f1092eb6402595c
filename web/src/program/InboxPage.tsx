// /program/inbox — the user's notifications (returned or accepted reports,
// escalated warnings), with a link to what each one is about.
import { useState } from 'react';
import { Alert, App as AntApp, Badge, Button, Card, Checkbox, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../api';
import { formatDateTime } from '../common/format';
import { pick } from './ratings';
import type { Inbox, Notification, Report } from './types';
import { useLiveGet } from './useLiveGet';
import { useProgramEvents } from './useProgramEvents';

/** The task a notification is about: reports and warnings point at it indirectly. */
async function taskOf(n: Notification): Promise<number | null> {
  if (n.entity === 'task') return n.entityId;
  if (n.entity === 'task_report') return (await api.get<Report>(`/api/reports/${n.entityId}`)).taskId;
  return null;
}

export default function InboxPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  // Any program event may come with a notification for this user: re-read on each.
  const live = useProgramEvents('any');
  const inbox = useLiveGet<Inbox>(`/api/inbox?limit=100${unreadOnly ? '&unread=true' : ''}`, live.tick);

  async function open(n: Notification) {
    try {
      if (!n.readAt) await api.post(`/api/inbox/${n.id}/read`);
      // "Reports await your review" is about the whole queue, not the one report that raised it.
      if (n.kind === 'report_submitted') {
        navigate('/program/reviews');
        return;
      }
      const taskId = await taskOf(n);
      if (taskId) navigate(`/program/tasks/${taskId}`);
      else inbox.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  async function markRead(n: Notification) {
    try {
      await api.post(`/api/inbox/${n.id}/read`);
      inbox.reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  return (
    <Card
      title={
        <Space>
          {t('program.inbox.title')}
          <Badge count={inbox.data?.unread ?? 0} />
        </Space>
      }
      extra={
        <Checkbox checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)}>
          {t('program.inbox.onlyUnread')}
        </Checkbox>
      }
      data-testid="inbox"
    >
      {inbox.error && <Alert type="error" showIcon title={inbox.error} />}
      <List
        loading={inbox.loading && !inbox.data}
        dataSource={inbox.data?.items ?? []}
        locale={{ emptyText: t('program.inbox.empty') }}
        renderItem={(n) => (
          <List.Item
            actions={[
              <Button key="open" size="small" onClick={() => open(n)}>
                {t('program.inbox.open')}
              </Button>,
              ...(n.readAt
                ? []
                : [
                    <Button key="read" size="small" type="link" onClick={() => markRead(n)}>
                      {t('program.inbox.markRead')}
                    </Button>,
                  ]),
            ]}
          >
            <List.Item.Meta
              title={
                <Space>
                  {!n.readAt && <Badge status="processing" />}
                  <Typography.Text strong={!n.readAt}>{pick(n.title)}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <span style={{ whiteSpace: 'pre-line' }}>{pick(n.body)}</span>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
