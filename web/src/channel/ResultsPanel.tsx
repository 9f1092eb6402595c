// Results of a consultation as the API counts them (exact agree/disagree counts and approval as a ratio):
// rounded only here, on screen, with the counts beside every rate; overall, per section, per province.
import { Card, Empty, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../common/format';
import { formatRatio, percentValue } from '../common/percent';
import type { Results, Tally } from './types';

function TallyLine({ tally, testId }: { tally: Tally; testId?: string }) {
  const { t } = useTranslation();
  if (tally.votes === 0) return <Typography.Text type="secondary">{t('channel.results.noVotes')}</Typography.Text>;
  return (
    <div data-testid={testId}>
      <Typography.Text strong data-testid={testId && `${testId}-rate`}>
        {t('channel.results.approval')}: {formatRatio(tally.approval)}
      </Typography.Text>
      <Progress
        percent={percentValue(tally.approval.numerator, tally.approval.denominator) ?? 0}
        showInfo={false}
        strokeColor="#2e7d32"
        railColor="#e57373"
      />
      <Typography.Text type="secondary">
        {t('channel.results.counts', { agree: formatNumber(tally.agree), disagree: formatNumber(tally.disagree) })}
      </Typography.Text>
    </div>
  );
}

export function ResultsPanel({ results }: { results: Results }) {
  const { t } = useTranslation();
  return (
    <section data-testid="results">
      <h2>{t('channel.results.title')}</h2>
      <Typography.Paragraph data-testid="results-participants">
        {t('channel.results.participants', { n: formatNumber(results.participants) })}
        {results.unconfirmed > 0 && (
          <Typography.Text type="secondary">
            {' · '}
            {t('channel.results.unconfirmed', { n: formatNumber(results.unconfirmed) })}
          </Typography.Text>
        )}
      </Typography.Paragraph>
      {results.participants === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('channel.results.none')} />
      ) : (
        <>
          <Card size="small" className="channel-card" title={t('channel.results.overall')}>
            <TallyLine tally={results.overall} testId="results-overall" />
          </Card>
          <h3>{t('channel.results.bySection')}</h3>
          {results.sections.map((s) => (
            <Card key={s.sectionId} size="small" className="channel-card" data-testid="results-section">
              <Typography.Text type="secondary">{t('channel.detail.section', { n: s.position })}</Typography.Text>
              <Typography.Title level={5} className="channel-title">
                {s.heading}
              </Typography.Title>
              <TallyLine tally={s.tally} />
            </Card>
          ))}
          <h3>{t('channel.results.byProvince')}</h3>
          <div className="channel-table-scroll">
            <Table
              size="small"
              rowKey={(p) => p.unit.id}
              pagination={false}
              dataSource={results.provinces}
              data-testid="results-provinces"
              columns={[
                { title: t('channel.results.province'), key: 'unit', render: (_, p) => p.unit.name },
                {
                  title: t('channel.results.people'),
                  key: 'n',
                  align: 'right',
                  render: (_, p) => formatNumber(p.participants),
                },
                {
                  title: t('channel.results.approval'),
                  key: 'rate',
                  align: 'right',
                  render: (_, p) =>
                    p.overall.votes === 0
                      ? '—'
                      : `${formatRatio(p.overall.approval)} (${formatNumber(p.overall.agree)}/${formatNumber(p.overall.votes)})`,
                },
              ]}
            />
          </div>
        </>
      )}
    </section>
  );
}
