// One item for the officer: the untouched texts, the contact when the reporter allowed it, and the next steps
// (take it, start, answer, forward, close). Forwarding and closing ask for confirmation first; a refusal that
// names fields is shown on those fields.
import { useEffect, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api';
import { formatDate } from '../../common/format';
import { useApiGet } from '../../common/useApiGet';
import { showFieldErrors } from './formErrors';
import { StatusTag } from './StatusTag';
import type { CloseRequest, ForwardRequest, OfficerItem } from './types';

interface Props {
  id: number;
  categoryName: (code: string) => string;
  onClose: () => void;
  onChanged: () => void;
}

type Dialog = 'forward' | 'close' | null;

export function ItemDrawer({ id, categoryName, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const loaded = useApiGet<OfficerItem>(`/api/feedback/items/${id}`);
  const [item, setItem] = useState<OfficerItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [answerForm] = Form.useForm<{ answer: string }>();
  const [forwardForm] = Form.useForm<ForwardRequest & { target: 'unit' | 'body' }>();
  const [closeForm] = Form.useForm<CloseRequest>();
  useEffect(() => setItem(loaded.data), [loaded.data]);

  /** One step against the API; the drawer shows the item as the server answers it. */
  async function act(path: string, body: unknown, form?: Parameters<typeof showFieldErrors>[0], fields: string[] = []) {
    setBusy(true);
    setError(null);
    try {
      setItem(await api.post<OfficerItem>(`/api/feedback/items/${id}/${path}`, body));
      message.success(t('feedback.done'));
      onChanged();
      return true;
    } catch (err) {
      setError(form ? showFieldErrors(form, err, fields) : errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function confirmForward() {
    const v = await forwardForm.validateFields();
    modal.confirm({
      title: t('feedback.forwardTitle'),
      content: t('feedback.forwardConfirm', { code: item?.code }),
      okText: t('feedback.confirm'),
      cancelText: t('feedback.cancel'),
      onOk: async () => {
        const body: ForwardRequest =
          v.target === 'unit' ? { reason: v.reason, toUnitCode: v.toUnitCode } : { reason: v.reason, toBody: v.toBody };
        if (await act('forward', body, forwardForm, ['reason', 'toUnitCode', 'toBody'])) setDialog(null);
      },
    });
  }

  async function confirmClose() {
    const v = await closeForm.validateFields();
    modal.confirm({
      title: t('feedback.closeTitle'),
      content: t('feedback.closeConfirm', { code: item?.code }),
      okText: t('feedback.confirm'),
      cancelText: t('feedback.cancel'),
      onOk: async () => {
        const body: CloseRequest = {
          reason: v.reason,
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          ...(v.reason === 'duplicate' && v.duplicateOf ? { duplicateOf: v.duplicateOf } : {}),
        };
        if (await act('close', body, closeForm, ['reason', 'note', 'duplicateOf'])) setDialog(null);
      },
    });
  }

  const open = item && item.status !== 'closed';
  const contactText = (i: OfficerItem) =>
    i.contactHidden === 'withheld'
      ? t('feedback.contactWithheld')
      : i.contactHidden === 'masked'
        ? t('feedback.contactMasked')
        : i.contact && (i.contact.name || i.contact.email || i.contact.phone)
          ? [i.contact.name, i.contact.email, i.contact.phone].filter(Boolean).join(' · ')
          : t('feedback.noContact');
  const target = Form.useWatch('target', forwardForm) ?? 'unit';
  const closeReason = Form.useWatch('reason', closeForm);

  return (
    <Drawer
      open
      onClose={onClose}
      size="min(720px, 100vw)"
      title={item ? t('feedback.itemTitle', { code: item.code }) : ''}
      data-testid="feedback-drawer"
    >
      {loaded.loading && !item && <Spin />}
      {loaded.error && <Alert type="error" showIcon title={loaded.error} />}
      {item && (
        <>
          <Typography.Title level={4}>{item.title}</Typography.Title>
          <Space wrap style={{ marginBottom: 12 }}>
            <span data-testid="feedback-drawer-status">
              <StatusTag status={item.status} />
            </span>
            {item.overdue && <Tag color="red">{t('feedback.overdue')}</Tag>}
            <Tag>{categoryName(item.category)}</Tag>
          </Space>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'unit', label: t('feedback.unit'), children: item.unit.name },
              { key: 'located', label: t('feedback.located'), children: item.located.name },
              { key: 'received', label: t('feedback.received'), children: formatDate(item.receivedOn) },
              { key: 'due', label: t('feedback.due'), children: formatDate(item.dueOn) },
              { key: 'assigned', label: t('feedback.colAssigned'), children: item.assignedTo?.name ?? '—' },
              { key: 'contact', label: t('feedback.contact'), children: contactText(item) },
              { key: 'routing', label: t('feedback.routingNote'), children: item.routingNote },
            ]}
          />
          <Typography.Paragraph className="feedback-text" style={{ marginTop: 12 }}>
            {item.originalDescription}
          </Typography.Paragraph>
          {item.originalAnswer && (
            <Alert
              type="success"
              title={t('feedback.answer')}
              description={item.originalAnswer}
              style={{ marginBottom: 12 }}
            />
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 12 }}
              data-testid="feedback-drawer-error"
            />
          )}
          {!open && <Typography.Text type="secondary">{t('feedback.noActions')}</Typography.Text>}
          {open && (
            <>
              <Space wrap style={{ marginBottom: 12 }}>
                {!item.assignedTo && (
                  <Button loading={busy} onClick={() => act('assign', {})} data-testid="feedback-assign">
                    {t('feedback.assignMe')}
                  </Button>
                )}
                {(item.status === 'received' || item.status === 'assigned') && (
                  <Button loading={busy} onClick={() => act('start', undefined)} data-testid="feedback-start">
                    {t('feedback.start')}
                  </Button>
                )}
                <Button onClick={() => setDialog('forward')} data-testid="feedback-forward">
                  {t('feedback.forward')}
                </Button>
                <Button danger onClick={() => setDialog('close')} data-testid="feedback-close">
                  {t('feedback.close')}
                </Button>
              </Space>
              <Form
                form={answerForm}
                layout="vertical"
                onFinish={async (v) => {
                  if (await act('answer', v, answerForm, ['answer'])) answerForm.resetFields();
                }}
              >
                <Form.Item
                  name="answer"
                  label={t('feedback.answerLabel')}
                  rules={[{ required: true, message: t('feedback.required') }]}
                >
                  <Input.TextArea rows={5} maxLength={8000} data-testid="feedback-answer-text" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="feedback-answer-send">
                  {t('feedback.answerSend')}
                </Button>
              </Form>
            </>
          )}
        </>
      )}
      <Modal
        open={dialog === 'forward'}
        title={t('feedback.forwardTitle')}
        okText={t('feedback.forward')}
        cancelText={t('feedback.cancel')}
        onOk={() => void confirmForward().catch(() => {})}
        onCancel={() => setDialog(null)}
        forceRender
      >
        <Form form={forwardForm} layout="vertical" initialValues={{ target: 'unit' }}>
          <Form.Item name="target" label={t('feedback.forwardTarget')}>
            <Radio.Group>
              <Radio value="unit">{t('feedback.forwardUnit')}</Radio>
              <Radio value="body">{t('feedback.forwardBody')}</Radio>
            </Radio.Group>
          </Form.Item>
          {target === 'unit' ? (
            <Form.Item
              name="toUnitCode"
              label={t('feedback.forwardUnitCode')}
              rules={[{ required: true, message: t('feedback.required') }]}
            >
              <Input data-testid="feedback-forward-unit" />
            </Form.Item>
          ) : (
            <Form.Item
              name="toBody"
              label={t('feedback.forwardBodyName')}
              rules={[{ required: true, message: t('feedback.required') }]}
            >
              <Input data-testid="feedback-forward-body" />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('feedback.forwardReason')}
            rules={[{ required: true, message: t('feedback.required') }]}
          >
            <Input.TextArea rows={3} data-testid="feedback-forward-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={dialog === 'close'}
        title={t('feedback.closeTitle')}
        okText={t('feedback.close')}
        okButtonProps={{ danger: true }}
        cancelText={t('feedback.cancel')}
        onOk={() => void confirmClose().catch(() => {})}
        onCancel={() => setDialog(null)}
        forceRender
      >
        <Form form={closeForm} layout="vertical" initialValues={{ reason: 'resolved' }}>
          <Form.Item name="reason" label={t('feedback.closeReason')}>
            <Select
              data-testid="feedback-close-reason"
              options={(['resolved', 'duplicate', 'rejected'] as const).map((r) => ({
                value: r,
                label: t(`feedback.closeReasons.${r}`),
              }))}
            />
          </Form.Item>
          {closeReason === 'duplicate' && (
            <Form.Item
              name="duplicateOf"
              label={t('feedback.duplicateOf')}
              rules={[{ required: true, message: t('feedback.required') }]}
            >
              <Input />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('feedback.closeNote')}>
            <Input.TextArea rows={3} data-testid="feedback-close-note" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
