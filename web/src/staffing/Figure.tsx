// How a staffing figure reads on every tab (one place, so two tabs never write
// the same figure two ways): a quota nobody assigned says "Chưa giao", a
// headcount nobody recorded "—" (with why on hover), and an illustrative figure
// carries a tag that says it is not official.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../common/format';

export function Quota({ value }: { value: number | null | undefined }) {
  const { t } = useTranslation();
  return (
    <span data-figure="quota">
      {value === null || value === undefined ? t('staffing.report.notAssigned') : formatNumber(value)}
    </span>
  );
}

export function Present({ value }: { value: number | null | undefined }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return (
      <Tooltip title={t('staffing.report.noHeadcount')}>
        <span data-figure="present">—</span>
      </Tooltip>
    );
  return <span data-figure="present">{formatNumber(value)}</span>;
}

export function IllustrativeTag({ show }: { show: boolean | undefined }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Tooltip title={t('staffing.report.illustrativeHint')}>
      <Tag color="gold" data-testid="illustrative" style={{ marginInlineStart: 6 }}>
        {t('staffing.report.illustrative')}
      </Tag>
    </Tooltip>
  );
}
