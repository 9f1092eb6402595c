// The detail panel of one unit: its fields, validity, place in the hierarchy,
// and (below) its restructuring history.
import { useEffect } from 'react';
import { Alert, Breadcrumb, Button, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiGet } from '../common/useApiGet';
import { formatArea, formatDate, formatNumber } from '../common/format';
import type { UnitDetail as UnitDetailData } from '../types';
import type { UnitDates } from './registryTypes';
import { UnitHistory } from './UnitHistory';
import { unitTypeLabel } from './unitLabels';
import { dayInForce, inForceOn, lastDay } from './validity';

interface Props {
  id: number;
  asOf: string;
  onLoaded?: (unit: UnitDetailData) => void;
  onChangeAsOf: (day: string) => void;
}

function ValidityText({ unit }: { unit: UnitDates }) {
  const { t } = useTranslation();
  const last = lastDay(unit);
  const from = unit.validFrom ? formatDate(unit.validFrom) : null;
  if (from && last) return <>{t('detail.validRange', { from, to: formatDate(last) })}</>;
  // The start is unknown to every source: say so, rather than "until …" as if it had always existed.
  if (last && unit.attestedFrom) return <>{t('unitBrowser.startUnknown', { to: formatDate(last) })}</>;
  if (from) return <>{t('detail.validFromOnly', { from })}</>;
  if (last) return <>{t('detail.validToOnly', { to: formatDate(last) })}</>;
  return <>—</>;
}

export function UnitDetail({ id, asOf, onLoaded, onChangeAsOf }: Props) {
  const { t } = useTranslation();
  const { data: unit, error, loading } = useApiGet<UnitDates>(`/api/units/${id}`);

  useEffect(() => {
    if (unit && unit.id === id) onLoaded?.(unit);
  }, [unit, id, onLoaded]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (loading || !unit || unit.id !== id) return <Skeleton active paragraph={{ rows: 8 }} />;

  const outOfForce = !inForceOn(unit, asOf);
  const items = [
    { key: 'code', label: t('detail.code'), children: unit.code },
    { key: 'type', label: t('detail.type'), children: <Tag>{unitTypeLabel(t, unit.type)}</Tag> },
    { key: 'validity', label: t('detail.validity'), children: <ValidityText unit={unit} /> },
    ...(unit.validitySource
      ? [{ key: 'validitySource', label: t('unitBrowser.validitySource'), children: unit.validitySource }]
      : []),
    { key: 'area', label: t('detail.area'), children: formatArea(unit.areaKm2) },
    {
      key: 'population',
      label: t('detail.population'),
      children: unit.population === null ? '—' : t('detail.populationUnit', { value: formatNumber(unit.population) }),
    },
    { key: 'centre', label: t('detail.adminCentre'), children: unit.adminCentre ?? '—' },
    {
      key: 'parent',
      label: t('detail.parent'),
      children: unit.parent ? <Link to={`/units/${unit.parent.id}`}>{unit.parent.fullName}</Link> : '—',
    },
    ...(unit.fullNameEn ? [{ key: 'en', label: t('detail.nameEn'), children: unit.fullNameEn }] : []),
  ];

  return (
    <div data-testid="unit-detail">
      {unit.ancestors.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={unit.ancestors.map((a) => ({ key: a.id, title: <Link to={`/units/${a.id}`}>{a.name}</Link> }))}
        />
      )}
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {unit.fullName}
      </Typography.Title>
      {outOfForce && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('detail.notInForce', { date: formatDate(asOf) })}
          action={
            <Button size="small" onClick={() => onChangeAsOf(dayInForce(unit, asOf))}>
              {t('detail.showAtDate', { date: formatDate(dayInForce(unit, asOf)) })}
            </Button>
          }
        />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 1, lg: 2 }} items={items} />
      <UnitHistory id={unit.id} />
    </div>
  );
}
