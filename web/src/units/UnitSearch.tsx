import { useState } from 'react';
import { AutoComplete, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { useDebounced } from '../common/useDebounced';
import type { SearchResponse } from '../types';
import { joinPlaces, unitTypeLabel } from './unitLabels';

/** Jump to a unit by name or code among those in force on `asOf`. */
export function UnitSearch({ asOf, onPick }: { asOf: string; onPick: (id: number) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 200);
  const { data, loading } = useApiGet<SearchResponse>(
    q.length >= 2 ? withQuery('/api/units/search', { q, asOf, limit: 20 }) : null,
  );
  const options = q.length >= 2 && data
    ? data.items.map((u) => ({
        value: String(u.id),
        label: (
          <div>
            <div>{u.fullName}</div>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {joinPlaces(unitTypeLabel(t, u.type), u.code, u.provinceName)}
            </div>
          </div>
        ),
      }))
    : [];

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={(value: string) => {
        setText('');
        onPick(Number(value));
      }}
      style={{ width: '100%', maxWidth: 420 }}
    >
      <Input.Search placeholder={t('units.searchPlaceholder')} loading={loading} allowClear data-testid="units-search" />
    </AutoComplete>
  );
}
