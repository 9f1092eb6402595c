import { Badge, Button } from 'antd';
import { AuditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLiveGet } from './useLiveGet';
import type { ReviewCount } from './types';

/** The review queue's button with how many reports await the caller's review (overdue ones make it red), re-read on live events. */
export function ReviewQueueLink({ tick }: { tick: number }) {
  const { t } = useTranslation();
  const count = useLiveGet<ReviewCount>('/api/reviews/count', tick);
  const total = count.data?.total ?? 0;
  return (
    <Link to="/program/reviews">
      <Badge count={total} size="small" color={count.data?.overdue ? '#cf1322' : '#1677ff'} overflowCount={999}>
        <Button icon={<AuditOutlined />} data-testid="review-queue-link" data-count={total}>
          {t('program.reviews.nav')}
        </Button>
      </Badge>
    </Link>
  );
}
