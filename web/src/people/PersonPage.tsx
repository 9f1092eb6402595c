// One person of the register: the record (personal fields masked unless the server sends them), the outcome
// with its decision, the form to record it (HR over the unit only: the server says so with `personal`), and
// the calculation sheet when a leaving outcome stored one. Reading the record and the sheet is audited.
import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useApiGet } from '../common/useApiGet';
import { formatDate, formatNumber } from '../common/format';
import { PageSpinner } from '../common/PageSpinner';
import { Masked } from './PeoplePage';
import { OutcomeForm } from './OutcomeForm';
import { BenefitSheet } from './BenefitSheet';
import type { Person, Sheet } from './types';

export default function PersonPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const person = useApiGet<Person>(`/api/people/${id}`);
  const p = person.data;
  // The fragment (never sent) changes with the decision and total, so a re-recorded outcome reloads the sheet.
  const b = p?.outcome?.benefit;
  const sheet = useApiGet<Sheet>(b ? `/api/people/${id}/benefit#${p!.outcome!.decisionNumber}-${b.total}` : null);
  if (person.error) return <Alert type="error" showIcon message={person.error} />;
  if (!p) return <PageSpinner />;
  const masked = (v: string | null, fmt: (s: string) => string = (s) => s) =>
    p.personal && v !== null ? fmt(v) : <Masked />;
  const o = p.outcome;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="person-page">
      <Link to={`/people?unitId=${p.unitId}`} className="no-print">
        {t('people.back')}
      </Link>
      <Typography.Title level={3} data-testid="person-title">
        {p.personal ? p.fullName : `${t('people.record')} #${p.id}`}
      </Typography.Title>
      {!p.personal && <Alert type="info" showIcon message={t('people.maskedNote')} className="no-print" />}
      <Card size="small" title={t('people.record')}>
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label={t('people.name')}>{masked(p.fullName)}</Descriptions.Item>
          <Descriptions.Item label={t('people.birthDate')}>{masked(p.birthDate, formatDate)}</Descriptions.Item>
          <Descriptions.Item label={t('people.sex')}>
            {masked(p.sex, (s) => t(`people.sexes.${s as 'm' | 'f'}`))}
          </Descriptions.Item>
          <Descriptions.Item label={t('people.idNumber')}>{masked(p.idNumberMasked)}</Descriptions.Item>
          <Descriptions.Item label={t('people.unit')}>{p.unitName}</Descriptions.Item>
          <Descriptions.Item label={t('people.category')}>{t(`people.categories.${p.category}`)}</Descriptions.Item>
          <Descriptions.Item label={t('people.position')}>{p.position ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('people.salaryCoef')}>{formatNumber(p.salaryCoef, 2)}</Descriptions.Item>
          <Descriptions.Item label={t('people.positionCoef')}>
            {formatNumber(p.positionAllowanceCoef, 2)}
          </Descriptions.Item>
          <Descriptions.Item label={t('people.otherAllowances')}>
            {formatNumber(p.otherAllowancesVnd)}
          </Descriptions.Item>
          <Descriptions.Item label={t('people.siMonths')}>
            {t('people.siValue', { y: Math.floor(p.siMonths / 12), m: p.siMonths % 12 })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('people.outcome')}>
        {o ? (
          <Descriptions size="small" column={1} data-testid="person-outcome">
            <Descriptions.Item label={t('people.kind')}>{t(`people.outcomes.${o.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('people.decision')}>
              {t('people.decisionValue', {
                number: o.decisionNumber,
                date: formatDate(o.decisionDate),
                signer: o.decisionSigner,
              })}
            </Descriptions.Item>
            {o.benefit && (
              <Descriptions.Item label={t('people.benefitTotal')}>{formatNumber(o.benefit.total)}</Descriptions.Item>
            )}
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('people.noOutcome')}</Typography.Text>
        )}
        {p.personal && (
          <div style={{ marginTop: 16 }}>
            <Typography.Title level={5} className="no-print">
              {t('people.recordOutcome')}
            </Typography.Title>
            <OutcomeForm personId={p.id} onSaved={person.reload} />
          </div>
        )}
      </Card>
      <Card size="small" title={t('people.sheet')}>
        {sheet.error && <Alert type="error" showIcon message={sheet.error} />}
        {sheet.data ? (
          <BenefitSheet sheet={sheet.data} />
        ) : (
          !o?.benefit && <Typography.Text type="secondary">{t('people.noSheet')}</Typography.Text>
        )}
      </Card>
    </Space>
  );
}
