import { Badge, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';
import type { LiveState } from './useProgramEvents';

const BADGE = { live: 'success', connecting: 'processing', down: 'error' } as const;

/** "Cập nhật trực tiếp" with a green dot while the event stream is open. */
export function LiveIndicator({ live }: { live: LiveState }) {
  const { t } = useTranslation();
  const text =
    live.status === 'live'
      ? t('program.live')
      : live.status === 'down'
        ? t('program.liveOff')
        : t('program.liveConnecting');
  return (
    <Tooltip
      title={
        live.lastEventAt ? t('program.updatedAt', { time: formatDateTime(live.lastEventAt.toISOString()) }) : undefined
      }
    >
      <span data-testid="live-indicator" data-status={live.status} data-tick={live.tick} className="live-indicator">
        <Badge status={BADGE[live.status]} />
        <Typography.Text type={live.status === 'down' ? 'danger' : 'secondary'} style={{ marginLeft: 6 }}>
          {text}
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
