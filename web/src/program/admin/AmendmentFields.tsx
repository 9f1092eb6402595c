// What every amendment carries: the decision that orders it, the reason and
// the date it takes effect (the program as of an earlier date stays readable).
import { Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { API_DATE } from '../../common/format';

export interface AmendmentValues {
  decisionRef: string;
  reason: string;
  effectiveDate: Dayjs;
}

export function amendmentOf(v: AmendmentValues) {
  return {
    decisionRef: v.decisionRef.trim(),
    reason: v.reason.trim(),
    effectiveDate: v.effectiveDate.format(API_DATE),
  };
}

export function AmendmentFields() {
  const { t } = useTranslation();
  const a = (k: string) => t(`program.admin.amend.${k}`);
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('program.admin.requiredField', { field: label }) },
  ];
  return (
    <fieldset className="amendment-fields">
      <legend>{a('legend')}</legend>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="decisionRef" label={a('decisionRef')} rules={required(a('decisionRef'))}>
            <Input placeholder={a('decisionRefPlaceholder')} maxLength={300} data-testid="amend-decision" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="effectiveDate"
            label={a('effectiveDate')}
            rules={[{ required: true, message: t('program.admin.requiredField', { field: a('effectiveDate') }) }]}
          >
            <DatePicker
              format="DD/MM/YYYY"
              allowClear={false}
              style={{ width: '100%' }}
              data-testid="amend-effective-date"
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="reason" label={a('reason')} rules={required(a('reason'))}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="amend-reason" />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}
