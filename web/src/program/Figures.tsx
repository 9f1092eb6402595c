// A task's progress as the server gives it: the OFFICIAL figure (accepted
// reports only) always, and beside it the REPORTED one while a report awaits
// review ("Chính thức 45% · Báo cáo 60%, chờ duyệt"). Both are named, so no
// screen shows two numbers for one thing without saying which is which.
import { Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../common/format';
import type { Reported } from './types';

/** A progress figure as stored (up to two decimals), as the warning texts quote it. */
export const pctText = (v: number) => `${formatNumber(v, 2)}%`;

export function ProgressFigures({
  progress,
  reported,
  bar = true,
  testId,
}: {
  progress: number;
  reported: Reported | null;
  bar?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const overdue = reported && reported.reviewDue < new Date().toISOString().slice(0, 10);
  return (
    <Space
      orientation="vertical"
      size={2}
      data-testid={testId}
      data-official={progress}
      data-reported={reported?.progress ?? ''}
    >
      <Space size={6} wrap>
        {bar && (
          <Progress percent={Math.round(progress)} showInfo={false} size="small" style={{ width: 110, margin: 0 }} />
        )}
        <Tooltip title={t('program.figures.officialHelp')}>
          <Typography.Text data-testid="official-progress">
            {t('program.figures.official', { pct: pctText(progress) })}
          </Typography.Text>
        </Tooltip>
      </Space>
      {reported && (
        <Tooltip
          title={`${t(`program.status.${reported.status}`)} · ${formatDate(reported.reportDate)} · ${t('program.figures.reviewDue', { date: formatDate(reported.reviewDue) })}`}
        >
          <Tag color={overdue ? 'orange' : 'blue'} data-testid="reported-progress" style={{ marginInlineEnd: 0 }}>
            {t('program.figures.reported', { pct: pctText(reported.progress) })}
            {overdue ? ` · ${t('program.figures.overdue')}` : ''}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
