// Sending feedback without an account, phone first: one column, big inputs, the privacy choice explained in plain
// words, and at the end the tracking code shown big with a copy button (it is the citizen's only key to the answer).
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Radio, Segmented, Select, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { formatDate } from '../../common/format';
import { useApiGet } from '../../common/useApiGet';
import { currentLang } from '../../i18n';
import { CommuneSelect } from './CommuneSelect';
import { showFieldErrors } from './formErrors';
import type { Categories, SubmitRequest, Submitted } from './types';

type Where = 'address' | 'commune';
const PRIVACY = ['name_hidden', 'withheld', 'public'] as const;
const FIELDS = ['category', 'title', 'description', 'address', 'unitCode', 'privacy', 'name', 'email', 'phone'];

interface Values {
  category: string;
  address?: string;
  unitCode?: string;
  title: string;
  description: string;
  privacy: SubmitRequest['privacy'];
  name?: string;
  email?: string;
  phone?: string;
}

/** Empty optional inputs are left out: the server refuses an empty e-mail, but not a missing one. */
function toRequest(v: Values, where: Where): SubmitRequest {
  const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  return {
    category: v.category,
    title: v.title,
    description: v.description,
    address: where === 'address' ? opt(v.address) : undefined,
    unitCode: where === 'commune' ? v.unitCode : undefined,
    privacy: v.privacy,
    name: opt(v.name),
    email: opt(v.email),
    phone: opt(v.phone),
  };
}

function SentCard({ sent, onAgain }: { sent: Submitted; onAgain: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  async function copy() {
    try {
      await navigator.clipboard.writeText(sent.code);
      message.success(t('feedback.copied'));
    } catch {
      // No clipboard (an old browser, a blocked permission): the code is selectable on screen.
      message.info(sent.code);
    }
  }
  return (
    <Card className="feedback-sent" data-testid="feedback-sent">
      <Typography.Title level={3}>{t('feedback.sentTitle')}</Typography.Title>
      <Typography.Text type="secondary">{t('feedback.sentCode')}</Typography.Text>
      <div className="feedback-code" data-testid="feedback-code">
        {sent.code}
      </div>
      <Button icon={<CopyOutlined />} onClick={copy} block size="large" data-testid="feedback-copy">
        {t('feedback.copy')}
      </Button>
      <Typography.Paragraph style={{ marginTop: 12 }}>{t('feedback.sentKeep')}</Typography.Paragraph>
      <dl className="feedback-facts">
        <dt>{t('feedback.sentTo')}</dt>
        <dd data-testid="feedback-sent-unit">{sent.unit.name}</dd>
        <dt>{t('feedback.sentDue')}</dt>
        <dd data-testid="feedback-sent-due">{formatDate(sent.dueOn)}</dd>
      </dl>
      <Typography.Paragraph type="secondary">{sent.routing[currentLang()]}</Typography.Paragraph>
      <Link to={`/feedback/track/${encodeURIComponent(sent.code)}`}>
        <Button type="primary" block size="large" data-testid="feedback-track-sent">
          {t('feedback.sentTrack')}
        </Button>
      </Link>
      <Button type="link" block onClick={onAgain}>
        {t('feedback.sendAnother')}
      </Button>
    </Card>
  );
}

export default function SubmitPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [where, setWhere] = useState<Where>('address');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<Submitted | null>(null);
  const categories = useApiGet<Categories>('/api/feedback/categories');
  const privacy = Form.useWatch('privacy', form) ?? 'name_hidden';
  const lang = currentLang();

  async function onFinish(values: Values) {
    setSending(true);
    setError(null);
    try {
      setSent(await api.post<Submitted>('/api/feedback', toRequest(values, where)));
      window.scrollTo(0, 0);
    } catch (err) {
      setError(showFieldErrors(form, err, FIELDS));
    } finally {
      setSending(false);
    }
  }

  if (sent)
    return (
      <div className="feedback-page">
        <SentCard
          sent={sent}
          onAgain={() => {
            form.resetFields();
            setSent(null);
          }}
        />
      </div>
    );

  return (
    <div className="feedback-page" data-testid="feedback-submit-page">
      <Typography.Title level={2}>{t('feedback.submitTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('feedback.submitIntro')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Link to="/feedback/track">{t('feedback.trackLink')}</Link>
      </Typography.Paragraph>
      {categories.error && <Alert type="error" showIcon title={categories.error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ privacy: 'name_hidden' }}
        onFinish={onFinish}
        requiredMark="optional"
      >
        <Form.Item
          name="category"
          label={t('feedback.category')}
          rules={[{ required: true, message: t('feedback.required') }]}
        >
          <Select
            placeholder={t('feedback.categoryPick')}
            loading={categories.loading}
            data-testid="feedback-category"
            options={(categories.data?.items ?? []).map((c) => ({
              value: c.code,
              label: c.name[lang],
              title: c.name[lang],
            }))}
          />
        </Form.Item>
        <Form.Item label={t('feedback.where')} required>
          <Segmented<Where>
            block
            value={where}
            onChange={setWhere}
            data-testid="feedback-where"
            options={[
              { value: 'address', label: t('feedback.whereAddress') },
              { value: 'commune', label: t('feedback.whereCommune') },
            ]}
          />
        </Form.Item>
        {where === 'address' ? (
          <Form.Item
            name="address"
            label={t('feedback.address')}
            extra={t('feedback.addressHint')}
            rules={[{ required: true, message: t('feedback.whereRequired') }]}
          >
            <Input autoComplete="street-address" data-testid="feedback-address" />
          </Form.Item>
        ) : (
          <Form.Item
            name="unitCode"
            label={t('feedback.commune')}
            rules={[{ required: true, message: t('feedback.whereRequired') }]}
          >
            <CommuneSelect />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('feedback.title')}
          extra={t('feedback.titleHint')}
          rules={[{ required: true, min: 3, max: 200, message: t('feedback.required') }]}
        >
          <Input maxLength={200} data-testid="feedback-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('feedback.description')}
          extra={t('feedback.descriptionHint')}
          rules={[{ required: true, message: t('feedback.required') }]}
        >
          <Input.TextArea rows={5} maxLength={8000} showCount data-testid="feedback-description" />
        </Form.Item>
        <Form.Item name="privacy" label={t('feedback.privacy')} extra={t(`feedback.privacyHelp.${privacy}`)}>
          <Radio.Group className="feedback-privacy" data-testid="feedback-privacy">
            {PRIVACY.map((p) => (
              <Radio key={p} value={p}>
                {t(`feedback.privacyOptions.${p}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Typography.Title level={5}>{t('feedback.contact')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('feedback.contactHint')}</Typography.Paragraph>
        {privacy !== 'withheld' && (
          <Form.Item name="name" label={t('feedback.name')}>
            <Input autoComplete="name" />
          </Form.Item>
        )}
        <Form.Item name="email" label={t('feedback.email')}>
          <Input type="email" autoComplete="email" inputMode="email" />
        </Form.Item>
        <Form.Item name="phone" label={t('feedback.phone')}>
          <Input type="tel" autoComplete="tel" inputMode="tel" />
        </Form.Item>
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="feedback-error" />
        )}
        <Button type="primary" htmlType="submit" block loading={sending} data-testid="feedback-send">
          {t('feedback.send')}
        </Button>
      </Form>
    </div>
  );
}
