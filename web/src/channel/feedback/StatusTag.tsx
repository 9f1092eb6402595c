// The status of an item in words (never its code), in one colour per step.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR, type Status } from './types';

export function StatusTag({ status, big }: { status: Status; big?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} style={big ? { fontSize: 16, padding: '4px 12px' } : undefined}>
      {t(`feedback.statuses.${status}`)}
    </Tag>
  );
}
