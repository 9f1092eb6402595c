// National → province → commune: the way back up from a drill-down.
import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiGet } from '../common/useApiGet';
import type { UnitDetail } from '../types';

export function UnitBreadcrumb({ unitId, onOpen }: { unitId: number | null; onOpen: (unitId: number | null) => void }) {
  const { t } = useTranslation();
  const unit = useApiGet<UnitDetail>(unitId ? `/api/units/${unitId}` : null);
  const chain = unitId && unit.data ? [...unit.data.ancestors.filter((a) => a.level > 0), unit.data] : [];
  const items = [
    {
      key: 'vn',
      title: chain.length ? <a onClick={() => onOpen(null)}>{t('program.national')}</a> : t('program.national'),
    },
    ...chain.map((u, i) => ({
      key: String(u.id),
      title: i < chain.length - 1 ? <a onClick={() => onOpen(u.id)}>{u.name}</a> : u.name,
    })),
  ];
  return <Breadcrumb items={items} data-testid="unit-breadcrumb" style={{ margin: '8px 0 12px' }} />;
}
