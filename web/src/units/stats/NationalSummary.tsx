import { Card, Col, Row, Statistic, Tag } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../common/format';
import { formatRatio } from '../../common/percent';
import type { LevelCounts, RestructuringStats } from '../../types';

const LEVELS: (keyof LevelCounts)[] = ['provinces', 'districts', 'communes'];

export function NationalSummary({ national }: { national: RestructuringStats['national'] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} data-testid="stats-summary">
      {LEVELS.map((level) => {
        const before = national.before[level];
        const after = national.after[level];
        return (
          <Col xs={24} sm={8} key={level}>
            <Card className="stat-card" data-testid={`stats-summary-${level}`}>
              <Statistic
                title={t(`stats.${level}`)}
                value={before}
                formatter={() => formatNumber(before)}
                suffix={
                  <span style={{ fontSize: 20 }}>
                    <ArrowRightOutlined style={{ margin: '0 8px', color: '#8c8c8c' }} />
                    <b style={{ color: '#b71c1c' }}>{formatNumber(after)}</b>
                  </span>
                }
              />
              <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                <Tag color="red">{t('stats.reduction', { pct: formatRatio(national.reduction[level]) })}</Tag>
                {level === 'districts' && after === 0 && <Tag>{t('stats.abolished')}</Tag>}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
