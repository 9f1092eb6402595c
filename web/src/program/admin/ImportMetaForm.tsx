// Step 3 of the import: what the document itself does not say in a fixed
// place (code, titles, issuing body, period, reporting cadence), then the save.
// The server creates everything in one transaction or nothing.
import { useEffect, useState } from 'react';
import { Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { API_DATE } from '../../common/format';
import { ProblemAlert, problemOf, type ShownProblem } from './ProblemAlert';
import type { ImportResult } from './types';

interface Values {
  code: string;
  titleVi: string;
  titleEn?: string;
  resolutionRef?: string;
  issuingBody: string;
  periodStart: Dayjs;
  periodEnd: Dayjs;
  cadence: 'monthly' | 'quarterly';
  language: 'vi' | 'en';
  effectiveDate: Dayjs;
  decisionRef?: string;
}

const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
const DATE_FORMAT = 'DD/MM/YYYY';

interface Props {
  text: string;
  lang: 'vi' | 'en';
  disabled: boolean;
  onSaved: (r: ImportResult) => void;
}

export function ImportMetaForm({ text, lang, disabled, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const req = (label: string) => [
    { required: true, whitespace: true, message: t('program.admin.requiredField', { field: label }) },
  ];
  const k = (key: string) => t(`program.admin.import.${key}`);
  // initialValues apply once: a later preview of another text (e.g. after a correction) may detect another language.
  useEffect(() => {
    form.setFieldValue('language', lang);
  }, [form, lang]);

  async function save(v: Values) {
    setSaving(true);
    setProblem(null);
    try {
      const r = await api.post<ImportResult>('/api/programs/import', {
        program: {
          code: v.code.trim(),
          titleVi: v.titleVi.trim(),
          titleEn: opt(v.titleEn),
          resolutionRef: opt(v.resolutionRef),
          issuingBody: v.issuingBody.trim(),
          periodStart: v.periodStart.format(API_DATE),
          periodEnd: v.periodEnd.format(API_DATE),
          cadence: v.cadence,
        },
        text,
        language: v.language,
        effectiveDate: v.effectiveDate.format(API_DATE),
        decisionRef: opt(v.decisionRef),
      });
      onSaved(r);
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={save}
      disabled={saving}
      data-testid="import-form"
      initialValues={{ cadence: 'quarterly', language: lang, effectiveDate: dayjs() }}
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="code"
            label={k('code')}
            extra={k('codeHint')}
            rules={[...req(k('code')), { pattern: /^[A-Za-z0-9._-]{2,60}$/, message: k('codeHint') }]}
          >
            <Input data-testid="import-code" placeholder="CTHD-2026-2030" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="titleVi" label={k('titleVi')} rules={req(k('titleVi'))}>
            <Input data-testid="import-title-vi" maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="titleEn" label={k('titleEn')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="issuingBody" label={k('issuingBody')} rules={req(k('issuingBody'))}>
            <Input data-testid="import-issuing-body" placeholder={k('issuingBodyPlaceholder')} maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="resolutionRef" label={k('resolutionRef')}>
            <Input placeholder={k('resolutionRefPlaceholder')} maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="periodStart"
            label={k('periodStart')}
            rules={[{ required: true, message: t('program.admin.requiredField', { field: k('periodStart') }) }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="import-period-start" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="periodEnd"
            label={k('periodEnd')}
            dependencies={['periodStart']}
            rules={[
              { required: true, message: t('program.admin.requiredField', { field: k('periodEnd') }) },
              ({ getFieldValue }) => ({
                validator: (_: unknown, end: Dayjs | undefined) => {
                  const start = getFieldValue('periodStart') as Dayjs | undefined;
                  return !end || !start || !end.isBefore(start)
                    ? Promise.resolve()
                    : Promise.reject(new Error(k('periodOrder')));
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="import-period-end" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="cadence" label={k('cadence')}>
            <Select
              options={(['quarterly', 'monthly'] as const).map((c) => ({
                value: c,
                label: t(`program.admin.import.cadenceName.${c}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="language" label={k('language')}>
            <Select options={(['vi', 'en'] as const).map((l) => ({ value: l, label: t(`program.admin.lang.${l}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="effectiveDate"
            label={k('effectiveDate')}
            extra={k('effectiveDateHint')}
            rules={[{ required: true, message: t('program.admin.requiredField', { field: k('effectiveDate') }) }]}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              allowClear={false}
              data-testid="import-effective-date"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item name="decisionRef" label={k('decisionRef')}>
            <Input placeholder={k('decisionRefPlaceholder')} maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
      <ProblemAlert problem={problem} testId="import-error" />
      <Button
        type="primary"
        htmlType="submit"
        icon={<SaveOutlined />}
        loading={saving}
        disabled={disabled}
        data-testid="import-save"
      >
        {k('save')}
      </Button>
    </Form>
  );
}
