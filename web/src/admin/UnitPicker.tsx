// Picks one unit in force today by name or code (the scope of a role grant).
import { useState } from 'react';
import { AutoComplete, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { useDebounced } from '../common/useDebounced';
import type { SearchResponse } from '../types';
import { joinPlaces, unitTypeLabel } from '../units/unitLabels';

export interface PickedUnit {
  id: number;
  fullName: string;
}

export function UnitPicker({
  value,
  onChange,
}: {
  value?: PickedUnit | null;
  onChange?: (unit: PickedUnit | null) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value?.fullName ?? '');
  const q = useDebounced(text.trim(), 200);
  const searching = q.length >= 2 && q !== value?.fullName;
  const { data, loading } = useApiGet<SearchResponse>(
    searching ? withQuery('/api/units/search', { q, limit: 20 }) : null,
  );
  const items = searching && data ? data.items : [];
  return (
    <AutoComplete
      value={text}
      options={items.map((u) => ({
        value: String(u.id),
        label: (
          <div>
            <div>{u.fullName}</div>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {joinPlaces(unitTypeLabel(t, u.type), u.code, u.provinceName)}
            </div>
          </div>
        ),
      }))}
      onChange={(v: string) => {
        setText(v);
        if (value) onChange?.(null); // typing again drops the earlier choice
      }}
      onSelect={(id: string) => {
        const unit = items.find((u) => String(u.id) === id);
        if (!unit) return;
        setText(unit.fullName);
        onChange?.({ id: unit.id, fullName: unit.fullName });
      }}
      style={{ width: '100%' }}
    >
      <Input.Search placeholder={t('admin.users.unitPlaceholder')} loading={loading} data-testid="grant-unit" />
    </AutoComplete>
  );
}
