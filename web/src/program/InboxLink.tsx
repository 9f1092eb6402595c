import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Inbox } from './types';
import { useLiveGet } from './useLiveGet';

/** The inbox button with the number of unread notifications, re-read on live events. */
export function InboxLink({ tick }: { tick: number }) {
  const { t } = useTranslation();
  const inbox = useLiveGet<Inbox>('/api/inbox?unread=true&limit=1', tick);
  return (
    <Link to="/program/inbox">
      <Badge count={inbox.data?.unread ?? 0} size="small">
        <Button icon={<BellOutlined />} data-testid="inbox-link">
          {t('program.inboxNav')}
        </Button>
      </Badge>
    </Link>
  );
}
