// Unit pickers for the cascade form, over the registry's API
// (src/units/units.routes.ts): the provinces in force today, and a search
// by name (no diacritics needed) for a chosen list of units.
import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api';
import { useApiGet } from '../../common/useApiGet';
import { useDebounced } from '../../common/useDebounced';
import type { SearchResponse, TreeResponse, UnitSummary } from '../../types';
import { joinPlaces, unitTypeLabel } from '../../units/unitLabels';

/** The country's children in force today (the provinces and centrally-run cities). */
export function useProvinces(): { provinces: UnitSummary[]; loading: boolean; error: string | null } {
  const root = useApiGet<TreeResponse>('/api/units/tree');
  const country = root.data?.items[0] ?? null;
  const list = useApiGet<TreeResponse>(country ? withQuery('/api/units/tree', { parentId: country.id }) : null);
  return { provinces: list.data?.items ?? [], loading: root.loading || list.loading, error: root.error ?? list.error };
}

export function ProvinceSelect({
  value,
  onChange,
  provinces,
  loading,
}: {
  value?: number;
  onChange?: (id: number) => void;
  provinces: UnitSummary[];
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      loading={loading}
      showSearch
      optionFilterProp="label"
      data-testid="cascade-province"
      placeholder={t('program.admin.cascade.provincePlaceholder')}
      options={provinces.map((p) => ({ value: p.id, label: p.fullName }))}
    />
  );
}

type Found = SearchResponse['items'][number];

/** Several units chosen by searching; the labels of chosen units are kept while the search moves on. */
export function UnitMultiSelect({ value, onChange }: { value?: number[]; onChange?: (ids: number[]) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Map<number, Found>>(new Map());
  const q = useDebounced(text.trim(), 250);
  const found = useApiGet<SearchResponse>(q.length >= 2 ? withQuery('/api/units/search', { q, limit: 20 }) : null);
  const options = useMemo(() => {
    const hits = q.length >= 2 ? (found.data?.items ?? []) : [];
    const all = new Map<number, Found>([...chosen, ...hits.map((u) => [u.id, u] as const)]);
    return [...all.values()].map((u) => ({
      value: u.id,
      title: u.fullName,
      label: (
        <span>
          {u.fullName}
          <span className="unit-option-meta"> · {joinPlaces(unitTypeLabel(t, u.type), u.code, u.provinceName)}</span>
        </span>
      ),
    }));
  }, [q, found.data, chosen, t]);

  return (
    <Select<number[]>
      mode="multiple"
      value={value ?? []}
      showSearch
      filterOption={false}
      searchValue={text}
      onSearch={setText}
      loading={found.loading}
      options={options}
      data-testid="cascade-units"
      placeholder={t('program.admin.cascade.unitsPlaceholder')}
      notFoundContent={q.length >= 2 && !found.loading ? t('program.admin.cascade.noUnits') : null}
      onChange={(ids) => {
        const known = new Map(chosen);
        for (const u of found.data?.items ?? []) if (ids.includes(u.id)) known.set(u.id, u);
        for (const id of [...known.keys()]) if (!ids.includes(id)) known.delete(id);
        setChosen(known);
        setText('');
        onChange?.(ids);
      }}
    />
  );
}
