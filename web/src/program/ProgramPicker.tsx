import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { pick } from './ratings';
import type { Program } from './types';

export function ProgramPicker({
  programs,
  value,
  onChange,
}: {
  programs: Program[];
  value: number;
  onChange: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      aria-label={t('program.pickProgram')}
      data-testid="program-picker"
      style={{ width: 'min(420px, calc(100vw - 24px))' }}
      popupMatchSelectWidth={false}
      options={programs.map((p) => ({ value: p.id, label: `${p.code} — ${pick({ vi: p.titleVi, en: p.titleEn })}` }))}
    />
  );
}
