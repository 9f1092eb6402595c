import { Button, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { API_DATE } from '../common/format';

export interface AuditFilterValues {
  actor?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
}

interface FormValues {
  actor?: string;
  action?: string;
  entity?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filters are applied on submit, not per keystroke: each change is a server query. */
export function AuditFilters({ onApply }: { onApply: (filters: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();

  function submit(values: FormValues) {
    const [from, to] = values.range ?? [];
    onApply({
      actor: values.actor?.trim() || undefined,
      action: values.action?.trim() || undefined,
      entity: values.entity?.trim() || undefined,
      from: from ? from.format(API_DATE) : undefined,
      to: to ? to.format(API_DATE) : undefined,
    });
  }

  // A grid of labelled fields: four across on a desktop, one per row on a phone.
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="audit-filters">
      <Row gutter={12} align="bottom">
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear data-testid="audit-filter-actor" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="action" label={t('audit.action')}>
            <Input allowClear data-testid="audit-filter-action" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="entity" label={t('audit.entity')}>
            <Input allowClear data-testid="audit-filter-entity" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="range" label={t('audit.dateRange')}>
            <DatePicker.RangePicker
              format="DD/MM/YYYY"
              placeholder={[t('audit.from'), t('audit.to')]}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={4}>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="audit-apply">
                {t('audit.apply')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  onApply({});
                }}
              >
                {t('audit.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
