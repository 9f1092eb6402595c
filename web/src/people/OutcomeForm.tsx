// Records a person's outcome with its decision (HR over the person's unit). Early retirement and resignation
// also ask for the leave date and the reorganisation decision's date: the server computes the benefit from the
// stored record in the same transaction, or refuses with what the record lacks (shown here as sent).
import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api';
import { API_DATE } from '../common/format';
import { recordOutcome } from './peopleApi';
import type { OutcomeKind } from './types';

// Placement needs the receiving unit and its quota: the placement screen is separate (not on this page).
const KINDS: OutcomeKind[] = ['early_retirement', 'resignation', 'until_retirement', 'part_time_ended'];

interface Values {
  kind: OutcomeKind;
  decisionNumber: string;
  decisionDate: Dayjs;
  decisionSigner: string;
  leaveDate?: Dayjs;
  reorganisationDate?: Dayjs;
  voluntary?: boolean;
}

export function OutcomeForm({ personId, onSaved }: { personId: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const leaving = kind === 'early_retirement' || kind === 'resignation';
  const required = [{ required: true, message: t('people.required') }];

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      await recordOutcome(personId, {
        kind: v.kind,
        decisionNumber: v.decisionNumber,
        decisionDate: v.decisionDate.format(API_DATE),
        decisionSigner: v.decisionSigner,
        voluntary: Boolean(v.voluntary),
        ...(leaving
          ? { leaveDate: v.leaveDate?.format(API_DATE), reorganisationDate: v.reorganisationDate?.format(API_DATE) }
          : {}),
      });
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="outcome-form" className="no-print">
      <Form.Item name="kind" label={t('people.kind')} rules={required}>
        <Select
          data-testid="outcome-kind"
          options={KINDS.map((k) => ({ value: k, label: t(`people.outcomes.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="decisionNumber" label={t('people.decisionNumber')} rules={required}>
        <Input data-testid="outcome-number" />
      </Form.Item>
      <Form.Item name="decisionDate" label={t('people.decisionDate')} rules={required}>
        <DatePicker format="DD/MM/YYYY" data-testid="outcome-date" />
      </Form.Item>
      <Form.Item name="decisionSigner" label={t('people.decisionSigner')} rules={required}>
        <Input data-testid="outcome-signer" />
      </Form.Item>
      {leaving && (
        <>
          <Form.Item name="leaveDate" label={t('people.leaveDate')} rules={required}>
            <DatePicker format="DD/MM/YYYY" data-testid="outcome-leave" />
          </Form.Item>
          <Form.Item name="reorganisationDate" label={t('people.reorganisationDate')} rules={required}>
            <DatePicker format="DD/MM/YYYY" data-testid="outcome-reorg" />
          </Form.Item>
        </>
      )}
      <Form.Item name="voluntary" valuePropName="checked">
        <Checkbox>{t('people.voluntary')}</Checkbox>
      </Form.Item>
      {error && (
        <Alert type="error" showIcon message={error} data-testid="outcome-error" style={{ marginBottom: 12 }} />
      )}
      <Button type="primary" htmlType="submit" loading={saving} data-testid="outcome-submit">
        {t('people.save')}
      </Button>
    </Form>
  );
}
