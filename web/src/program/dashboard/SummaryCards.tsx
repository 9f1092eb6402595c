// The headline: total, share at risk, the overall rating with its reason, and
// the counts by the five rating levels and by status.
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPct } from '../../common/format';
import { RATING_COLORS, RATING_TEXT, pick } from '../ratings';
import { RatingTag } from '../RatingTag';
import { RATINGS, STATUSES, type Summary } from '../types';

export function SummaryCards({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={8}>
        <Card size="small" className="program-card">
          <Row gutter={8}>
            <Col span={12}>
              <div data-testid="summary-total">
                <Statistic
                  title={t('program.totalTasks')}
                  value={summary.total}
                  formatter={() => formatNumber(summary.total)}
                />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="summary-rated">
                {t('program.ratedOf', { rated: formatNumber(summary.rated) })}
              </Typography.Text>
              {summary.unrated > 0 && (
                <Typography.Text
                  type="secondary"
                  style={{ fontSize: 12, display: 'block' }}
                  data-testid="summary-unrated"
                >
                  {t('program.unratedOf', { unrated: formatNumber(summary.unrated) })}
                </Typography.Text>
              )}
            </Col>
            <Col span={12}>
              <div data-testid="summary-at-risk-share">
                <Statistic title={t('program.atRiskShare')} value={formatPct(summary.atRiskShare * 100)} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="summary-at-risk">
                {t('program.atRiskOf', { atRisk: formatNumber(summary.atRisk), rated: formatNumber(summary.rated) })}
              </Typography.Text>
            </Col>
          </Row>
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('program.overallRating')}: </Typography.Text>
            <RatingTag rating={summary.rating} data-testid="overall-rating" />
            <Typography.Paragraph
              type="secondary"
              style={{ margin: '4px 0 0', fontSize: 13 }}
              data-testid="overall-explanation"
            >
              {pick(summary.explanation)}
            </Typography.Paragraph>
          </div>
        </Card>
      </Col>
      <Col xs={24} md={16}>
        <Card size="small" title={t('program.byRating')} className="program-card">
          <div className="rating-counts" data-testid="rating-counts">
            {RATINGS.map((r) => (
              <div key={r} className="rating-count" style={{ background: RATING_COLORS[r], color: RATING_TEXT[r] }}>
                <span className="rating-count-value" data-testid={`rating-${r}`}>
                  {summary.byRating[r] ?? 0}
                </span>
                <span className="rating-count-label">{t(`program.rating.${r}`)}</span>
              </div>
            ))}
          </div>
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('program.byStatus')} className="program-card">
          <div className="status-counts" data-testid="status-counts">
            {STATUSES.map((s) => (
              <div key={s} className={`status-count status-${s}`}>
                <span className="status-count-value" data-testid={`status-${s}`}>
                  {summary.byStatus[s] ?? 0}
                </span>
                <span className="status-count-label">{t(`program.status.${s}`)}</span>
              </div>
            ))}
          </div>
        </Card>
      </Col>
    </Row>
  );
}
