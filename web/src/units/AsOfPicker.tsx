import { Button, DatePicker, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { API_DATE } from '../common/format';
import { today } from './validity';

// The two days either side of the reform: the last day of the old map and the first of the new.
const QUICK_DATES = [
  { date: '2025-06-30', label: '30/06/2025', hint: 'units.before' },
  { date: '2025-07-01', label: '01/07/2025', hint: 'units.after' },
] as const;

export function AsOfPicker({ value, onChange }: { value: string; onChange: (day: string) => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={8}>
      <span>{t('units.asOf')}</span>
      <DatePicker
        value={dayjs(value)}
        format="DD/MM/YYYY"
        allowClear={false}
        onChange={(d) => d && onChange(d.format(API_DATE))}
        aria-label={t('units.asOf')}
        data-testid="asof-picker"
      />
      {QUICK_DATES.map((q) => (
        <Tooltip key={q.date} title={t(q.hint)}>
          <Button
            type={value === q.date ? 'primary' : 'default'}
            onClick={() => onChange(q.date)}
            data-testid={`asof-${q.date}`}
          >
            {q.label}
          </Button>
        </Tooltip>
      ))}
      <Button type={value === today() ? 'primary' : 'default'} onClick={() => onChange(today())}>
        {t('units.today')}
      </Button>
    </Space>
  );
}
