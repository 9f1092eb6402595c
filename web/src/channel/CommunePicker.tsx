// The commune (xã, phường, đặc khu) of residence, found with the registry's public lookup as a citizen
// types it: by a new or an old name. Only a commune in force can be chosen; an old one offers the commune(s)
// it became, so a person who still writes the old name lands on the code the server accepts.
import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { useDebounced } from '../common/useDebounced';
import type { LookupPage } from '../lookup/lookupTypes';

const COMMUNE = 3;

export interface Commune {
  code: string;
  label: string;
}

/** Communes in force among the lookup's results: current ones as they are, former ones through their successors. */
export function communesOf(page: LookupPage | null, formerly: (old: string, now: string) => string): Commune[] {
  const seen = new Map<string, Commune>();
  for (const r of page?.items ?? []) {
    if (r.current && r.unit.level === COMMUNE)
      seen.set(r.unit.code, {
        code: r.unit.code,
        label: [r.unit.fullName, r.unit.provinceName].filter(Boolean).join(', '),
      });
    if (!r.current)
      for (const s of r.successors)
        if (s.unit.level === COMMUNE && !s.unit.validTo && !seen.has(s.unit.code))
          seen.set(s.unit.code, {
            code: s.unit.code,
            label: formerly(
              r.unit.fullName,
              [s.unit.fullName, s.unit.provinceName ?? s.province?.name].filter(Boolean).join(', '),
            ),
          });
  }
  return [...seen.values()];
}

export function CommunePicker({
  value,
  onChange,
  placeholder,
  ...rest
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  'data-testid'?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 250);
  const { data, loading } = useApiGet<LookupPage>(
    query.length >= 2 ? withQuery('/api/public/lookup', { q: query, limit: 20 }) : null,
  );
  // The chosen commune keeps its label while the list changes under a new search.
  const [chosen, setChosen] = useState<Commune | null>(null);
  const found = communesOf(data, (old, now) => t('channel.form.formerly', { old, now }));
  const options = [...(chosen && !found.some((c) => c.code === chosen.code) ? [chosen] : []), ...found];
  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setText }}
      allowClear
      size="large"
      loading={loading}
      placeholder={placeholder}
      value={value}
      options={options.map((c) => ({ value: c.code, label: c.label, title: c.label }))}
      onChange={(code: string | undefined) => {
        setChosen(options.find((c) => c.code === code) ?? null);
        onChange?.(code);
      }}
      notFoundContent={null}
      style={{ width: '100%' }}
    />
  );
}
