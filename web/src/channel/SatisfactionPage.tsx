// The satisfaction index (SIPAS structure), public: the whole country, a province or a commune, over every
// period or one; the index, its five components with their counts, the sample size (a small sample is marked
// as indicative) and the index period by period. Units below are listed to drill down. Phone first.
import { Alert, Breadcrumb, Card, Empty, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { withQuery } from '../api';
import { EChart } from '../charts/EChart';
import { formatNumber } from '../common/format';
import { formatRatio } from '../common/percent';
import { PageSpinner } from '../common/PageSpinner';
import { useApiGet } from '../common/useApiGet';
import { currentLang } from '../i18n';
import type { IndexFigures, Questionnaire, SatisfactionIndex } from './types';

/** "81,25%" from hundredths of a percent (the API's exact overall index), or "—". */
function hundredths(h: number | null): string {
  if (h === null) return '—';
  const locale = currentLang() === 'en' ? 'en-GB' : 'vi-VN';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(h / 100)}%`;
}

function SampleMark({ figures, below }: { figures: IndexFigures; below: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text type="secondary">
        {t('channel.satisfaction.sample', { n: formatNumber(figures.sample) })}
      </Typography.Text>
      {figures.smallSample && (
        <Tag color="warning" style={{ marginLeft: 8 }} data-testid="small-sample">
          {t('channel.satisfaction.small', { n: below })}
        </Tag>
      )}
    </>
  );
}

export default function SatisfactionPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? undefined;
  const period = params.get('period') ?? undefined;
  const { data, error, loading } = useApiGet<SatisfactionIndex>(withQuery('/api/satisfaction/index', { unit, period }));
  // Periods offered: those the whole country has data for, and their years.
  const country = useApiGet<SatisfactionIndex>('/api/satisfaction/index');
  const questions = useApiGet<Questionnaire>('/api/satisfaction/questions');
  const lang = currentLang();
  const componentName = (n: number) => questions.data?.components.find((c) => c.n === n)?.[lang] ?? String(n);
  const quarters = (country.data?.series ?? []).map((s) => s.period);
  const periods = [...new Set(quarters.map((q) => q.slice(0, 4)))].flatMap((y) => [
    y,
    ...quarters.filter((q) => q.startsWith(`${y}-`)),
  ]);
  const go = (next: { unit?: string; period?: string }) => {
    const p: Record<string, string> = {};
    if (next.unit) p.unit = next.unit;
    if (next.period) p.period = next.period;
    setParams(p);
  };

  return (
    <div className="channel-page" data-testid="satisfaction-page">
      <h1>{t('channel.satisfaction.title')}</h1>
      <Typography.Paragraph type="secondary">{t('channel.satisfaction.subtitle')}</Typography.Paragraph>
      <div className="channel-field">
        <Typography.Text strong>{t('channel.satisfaction.period')}</Typography.Text>
        <Select
          size="large"
          style={{ width: '100%' }}
          value={period ?? ''}
          onChange={(v: string) => go({ unit, period: v || undefined })}
          data-testid="satisfaction-period"
          options={[
            { value: '', label: t('channel.satisfaction.allPeriods') },
            ...periods.map((p) => ({ value: p, label: p })),
          ]}
        />
      </div>
      {data && (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[
            { title: <a onClick={() => go({ period })}>{t('channel.satisfaction.country')}</a> },
            ...(data.scope.level > 0 ? [{ title: data.scope.name }] : []),
          ]}
        />
      )}
      {error && <Alert type="error" showIcon title={error} />}
      {loading && !data && <PageSpinner />}
      {data && (
        <>
          <Card size="small" className="channel-card" data-testid="satisfaction-total">
            <Statistic
              title={`${t('channel.satisfaction.index')} — ${data.scope.level === 0 ? t('channel.satisfaction.country') : data.scope.name}`}
              value={hundredths(data.total.overallHundredths)}
            />
            <SampleMark figures={data.total} below={data.smallSampleBelow} />
          </Card>
          {data.total.sample === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('channel.satisfaction.noData')} />
          ) : (
            <>
              <h2>{t('channel.satisfaction.components')}</h2>
              <div className="channel-table-scroll">
                <Table
                  size="small"
                  pagination={false}
                  rowKey="component"
                  dataSource={data.total.components}
                  data-testid="satisfaction-components"
                  columns={[
                    {
                      title: t('channel.satisfaction.component'),
                      key: 'c',
                      render: (_, c) => `${c.component}. ${componentName(c.component)}`,
                    },
                    {
                      title: t('channel.satisfaction.satisfied'),
                      key: 'i',
                      align: 'right',
                      render: (_, c) => formatRatio(c.index),
                    },
                    {
                      title: t('channel.satisfaction.answers'),
                      key: 'n',
                      align: 'right',
                      render: (_, c) => `${formatNumber(c.satisfied)}/${formatNumber(c.answers)}`,
                    },
                  ]}
                />
              </div>
              {data.series.length > 0 && (
                <>
                  <h2>{t('channel.satisfaction.series')}</h2>
                  <EChart
                    data-testid="satisfaction-series"
                    style={{ height: 240 }}
                    option={{
                      // No animation: a period switch redraws at once (and a screenshot never catches two states).
                      animation: false,
                      grid: { left: 40, right: 12, top: 16, bottom: 28 },
                      tooltip: { trigger: 'axis' },
                      xAxis: { type: 'category', data: data.series.map((s) => s.period) },
                      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
                      series: [
                        {
                          type: 'bar',
                          name: t('channel.satisfaction.index'),
                          data: data.series.map((s) =>
                            s.overallHundredths === null ? null : s.overallHundredths / 100,
                          ),
                          itemStyle: { color: '#b71c1c' },
                        },
                      ],
                    }}
                  />
                </>
              )}
              {data.parts.length > 0 && (
                <>
                  <h2>{t('channel.satisfaction.parts')}</h2>
                  <div className="channel-table-scroll">
                    <Table
                      size="small"
                      pagination={false}
                      rowKey={(p) => p.unit.code}
                      dataSource={data.parts}
                      data-testid="satisfaction-parts"
                      onRow={(p) => ({
                        onClick: () => go({ unit: p.unit.code, period }),
                        style: { cursor: 'pointer' },
                      })}
                      columns={[
                        { title: t('channel.satisfaction.unit'), key: 'u', render: (_, p) => <a>{p.unit.name}</a> },
                        {
                          title: t('channel.satisfaction.index'),
                          key: 'i',
                          align: 'right',
                          render: (_, p) => hundredths(p.overallHundredths),
                        },
                        {
                          title: t('channel.satisfaction.sampleShort'),
                          key: 'n',
                          align: 'right',
                          render: (_, p) => (
                            <>
                              {formatNumber(p.sample)}
                              {p.smallSample && (
                                <Tag color="warning" style={{ marginLeft: 4, marginRight: 0 }}>
                                  !
                                </Tag>
                              )}
                            </>
                          ),
                        },
                      ]}
                    />
                  </div>
                </>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
