// A thin stacked bar of the five rating levels: shows a unit's or section's
// mix at a glance in a table row.
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATING_COLORS } from '../ratings';
import { RATINGS, type Summary } from '../types';

export function RatingBar({ summary }: { summary: Pick<Summary, 'byRating'> }) {
  const { t } = useTranslation();
  const rated = RATINGS.reduce((s, r) => s + (summary.byRating[r] ?? 0), 0);
  if (rated === 0) return <span className="rating-bar rating-bar-empty" />;
  const title = RATINGS.filter((r) => summary.byRating[r])
    .map((r) => `${t(`program.rating.${r}`)}: ${summary.byRating[r]}`)
    .join(' · ');
  return (
    <Tooltip title={title}>
      <span className="rating-bar" aria-label={title}>
        {RATINGS.map((r) =>
          summary.byRating[r] ? (
            <span key={r} style={{ width: `${(100 * summary.byRating[r]) / rated}%`, background: RATING_COLORS[r] }} />
          ) : null,
        )}
      </span>
    </Tooltip>
  );
}
