import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATING_COLORS, RATING_TEXT, STATUS_COLORS } from './ratings';
import type { Rating, TaskStatus } from './types';

export function RatingTag({ rating, ...rest }: { rating: Rating | null; 'data-testid'?: string }) {
  const { t } = useTranslation();
  if (!rating) return <Tag {...rest}>{t('program.rating.unrated')}</Tag>;
  return (
    // Solid colours set directly: antd's coloured tags are pale tints, too faint for white text.
    <Tag
      style={{
        background: RATING_COLORS[rating],
        borderColor: RATING_COLORS[rating],
        color: RATING_TEXT[rating],
        fontWeight: 600,
      }}
      data-rating={rating}
      {...rest}
    >
      {t(`program.rating.${rating}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`program.status.${status}`)}</Tag>;
}
