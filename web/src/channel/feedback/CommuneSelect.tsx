// Choosing the commune with the registry's public lookup: old names (before 1 July 2025) are offered as their
// successor in force, so the value is always the code of a unit that answers today.
import { useMemo, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api';
import { useApiGet } from '../../common/useApiGet';
import { useDebounced } from '../../common/useDebounced';
import type { LookupResponse } from '../../types';

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}

export function CommuneSelect({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const { data, loading } = useApiGet<LookupResponse>(
    q.length >= 2 ? withQuery('/api/public/lookup', { q, limit: 10 }) : null,
  );
  const options = useMemo(() => {
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    // The full name ("Phường Ba Đình"): the bare name is shared by a district and a ward.
    const place = (u: { fullName: string; provinceName: string | null }) =>
      [u.fullName, u.provinceName].filter(Boolean).join(', ');
    for (const item of data?.items ?? []) {
      // Communes only (level 3, under a province or an old district): not a province or a district.
      const targets = item.current
        ? [{ unit: item.unit, label: place(item.unit) }]
        : item.successors.map((s) => ({
            unit: s.unit,
            label: t('feedback.communeOld', { old: item.unit.fullName, now: place(s.unit) }),
          }));
      for (const { unit, label } of targets) {
        if (unit.level < 3 || seen.has(unit.code)) continue;
        seen.add(unit.code);
        out.push({ value: unit.code, label });
      }
    }
    return out;
  }, [data, t]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={onChange}
      allowClear
      placeholder={t('feedback.communeHint')}
      notFoundContent={loading ? <Spin size="small" /> : null}
      options={options}
      data-testid="feedback-commune"
    />
  );
}
