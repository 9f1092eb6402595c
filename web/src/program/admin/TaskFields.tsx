// The fields of a task in the add and adjust forms. The deadline is a phrase
// as officials write it; the server turns it into a period and says which
// part it could not read.
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../types';
import { FUNDING_SOURCES, OUTPUT_KINDS, ROLLUP_MODES } from './types';

/** The API's limit of one funding line, in đồng (src/platform/schemas.ts says why). */
const MONEY_MAX_VND = 5_000_000_000_000_000;

interface Props {
  agencies: Agency[];
  /** Shown under the deadline field: what the task has now. */
  currentDeadline?: string | null;
  /** Titles that exist may be changed but not emptied. */
  keepTitles?: { vi: boolean; en: boolean };
  /** The adjust form also offers funding, rollup and weight; a new task starts with the basics. */
  full: boolean;
}

export function TaskFields({ agencies, currentDeadline, keepTitles, full }: Props) {
  const { t, i18n } = useTranslation();
  const a = (k: string, o?: Record<string, unknown>) => t(`program.admin.field.${k}`, o);
  const agencyOptions = agencies.map((ag) => ({
    value: ag.id,
    label: i18n.language === 'en' && ag.nameEn ? ag.nameEn : ag.name,
  }));
  const eitherTitle = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
    validator: () =>
      String(getFieldValue('titleVi') ?? '').trim() || String(getFieldValue('titleEn') ?? '').trim()
        ? Promise.resolve()
        : Promise.reject(new Error(a('titleNeeded'))),
  });
  const keep = (on: boolean | undefined) => (on ? [{ required: true, whitespace: true, message: a('titleKeep') }] : []);

  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item
          name="deadline"
          label={a('deadline')}
          extra={
            <>
              {a('deadlineHint')}
              {currentDeadline ? ` ${a('deadlineNow', { text: currentDeadline })}` : ''}
            </>
          }
        >
          <Input placeholder={a('deadlinePlaceholder')} maxLength={300} allowClear data-testid="task-deadline" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="titleVi"
          label={a('titleVi')}
          dependencies={['titleEn']}
          rules={[eitherTitle, ...keep(keepTitles?.vi)]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="task-title-vi" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="titleEn"
          label={a('titleEn')}
          dependencies={['titleVi']}
          rules={[eitherTitle, ...keep(keepTitles?.en)]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="leadAgencyId" label={a('lead')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={agencyOptions}
            placeholder={a('agencyPlaceholder')}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="coordinatingAgencyIds" label={a('coordinating')}>
          <Select
            mode="multiple"
            allowClear
            showSearch
            optionFilterProp="label"
            options={agencyOptions}
            placeholder={a('agencyPlaceholder')}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="outputs" label={a('outputs')}>
          <Select
            mode="multiple"
            allowClear
            options={OUTPUT_KINDS.map((k) => ({ value: k, label: t(`program.task.outputKind.${k}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="tags" label={a('tags')} extra={a('tagsHint')}>
          <Select mode="tags" tokenSeparators={[',', ';']} open={false} suffixIcon={null} />
        </Form.Item>
      </Col>
      {full && (
        <>
          <Col xs={12} md={8}>
            <Form.Item name="startDate" label={a('startDate')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="rollupMode" label={t('program.task.rollup')}>
              <Select options={ROLLUP_MODES.map((m) => ({ value: m, label: t(`program.task.rollupMode.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="weight" label={a('weight')} extra={a('weightHint')}>
              <InputNumber min={0.01} max={1000} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <FundingList />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="descriptionVi" label={a('descriptionVi')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="descriptionEn" label={a('descriptionEn')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
            </Form.Item>
          </Col>
        </>
      )}
    </Row>
  );
}

function FundingList() {
  const { t } = useTranslation();
  const a = (k: string) => t(`program.admin.field.${k}`);
  return (
    <Form.Item label={a('funding')} extra={a('fundingHint')}>
      <Form.List name="funding">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start">
                <Form.Item name={[f.name, 'source']} noStyle>
                  <Select
                    style={{ width: 200 }}
                    placeholder={a('fundingSource')}
                    allowClear
                    options={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`program.task.fundingSource.${s}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'amountRequired']} noStyle>
                  <InputNumber
                    min={0}
                    max={MONEY_MAX_VND}
                    precision={0}
                    style={{ width: 150 }}
                    placeholder={a('amountRequired')}
                    aria-label={a('amountRequired')}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'amountAllocated']} noStyle>
                  <InputNumber
                    min={0}
                    max={MONEY_MAX_VND}
                    precision={0}
                    style={{ width: 150 }}
                    placeholder={a('amountAllocated')}
                    aria-label={a('amountAllocated')}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={a('removeFunding')}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {a('addFunding')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
