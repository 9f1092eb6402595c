// API tokens: your own (everyone), or every account's (system administrators,
// `all`). A new token is shown once; revoking asks first.
import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { formatDateTime } from '../common/format';
import type { ApiToken, NewToken, TokenList, TokenStatus } from './types';

const STATUS_COLOR: Record<TokenStatus, string> = { active: 'green', expired: 'default', revoked: 'red' };

interface NewTokenValues {
  name: string;
  expiresInDays: number;
  readOnly: boolean;
}

function CreateTokenModal({
  policy,
  onClose,
  onCreated,
}: {
  policy: TokenList['policy'];
  onClose: () => void;
  onCreated: (t: NewToken) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<NewTokenValues>();
  const [saving, setSaving] = useState(false);
  async function submit(v: NewTokenValues) {
    setSaving(true);
    try {
      onCreated(
        await api.post<NewToken>('/api/tokens', {
          name: v.name.trim(),
          expiresInDays: v.expiresInDays,
          readOnly: v.readOnly,
        }),
      );
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={t('admin.tokens.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('admin.tokens.create')}
      cancelText={t('admin.users.cancel')}
      okButtonProps={{ 'data-testid': 'token-save' }}
      destroyOnHidden
    >
      <Form<NewTokenValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ expiresInDays: policy.defaultDays, readOnly: true }}
      >
        <Form.Item
          name="name"
          label={t('admin.tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('admin.tokens.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="token-name" />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('admin.tokens.days')}
          extra={t('admin.tokens.daysHint', { max: policy.maxDays })}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max: policy.maxDays,
              message: t('admin.tokens.daysHint', { max: policy.maxDays }),
            },
          ]}
        >
          <InputNumber min={1} max={policy.maxDays} precision={0} data-testid="token-days" />
        </Form.Item>
        <Form.Item name="readOnly" label={t('admin.tokens.readOnlyLabel')} valuePropName="checked">
          <Switch data-testid="token-readonly" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function TokensPage({ all = false }: { all?: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [showEnded, setShowEnded] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<NewToken | null>(null);
  const { data, error, loading, reload } = useApiGet<TokenList>(
    withQuery('/api/tokens', { all: all ? 'true' : undefined, includeEnded: showEnded ? 'true' : undefined }),
  );

  async function revoke(token: ApiToken) {
    try {
      await api.post(`/api/tokens/${token.id}/revoke`);
      message.success(t('admin.tokens.revoked_ok'));
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const columns: ColumnsType<ApiToken> = [
    {
      title: t('admin.tokens.name'),
      dataIndex: 'name',
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    ...(all
      ? [
          {
            title: t('admin.tokens.owner'),
            dataIndex: 'username',
            render: (v: string, r: ApiToken) => `${r.displayName} (${v})`,
          },
        ]
      : []),
    {
      title: t('admin.tokens.kind'),
      dataIndex: 'readOnly',
      render: (ro: boolean) => (
        <Tag color={ro ? 'blue' : 'orange'}>{ro ? t('admin.tokens.readOnly') : t('admin.tokens.readWrite')}</Tag>
      ),
    },
    {
      title: t('admin.tokens.status'),
      dataIndex: 'status',
      render: (s: TokenStatus) => (
        <Tag color={STATUS_COLOR[s]} data-testid="token-status">
          {t(`admin.tokens.${s}`)}
        </Tag>
      ),
    },
    {
      title: t('admin.tokens.created'),
      dataIndex: 'createdAt',
      responsive: ['lg'],
      render: (v: string) => formatDateTime(v),
    },
    { title: t('admin.tokens.expires'), dataIndex: 'expiresAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('admin.tokens.lastUsed'),
      dataIndex: 'lastUsedAt',
      responsive: ['md'],
      render: (v: string | null) => (v ? formatDateTime(v) : t('admin.tokens.never')),
    },
    {
      title: '',
      key: 'revoke',
      width: 110,
      render: (_: unknown, r: ApiToken) =>
        r.status === 'active' && (
          <Popconfirm
            title={t('admin.tokens.revokeConfirm', { name: r.name })}
            okText={t('admin.tokens.revoke')}
            cancelText={t('admin.users.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
            onConfirm={() => revoke(r)}
          >
            <Button size="small" danger data-testid="token-revoke">
              {t('admin.tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {all ? t('admin.tokens.allTitle') : t('admin.tokens.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('admin.tokens.intro')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        {!all && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!data}
            onClick={() => setCreating(true)}
            data-testid="token-new"
          >
            {t('admin.tokens.create')}
          </Button>
        )}
        <Checkbox checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)}>
          {t('admin.tokens.showEnded')}
        </Checkbox>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('admin.tokens.empty') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="tokens-table"
      />
      {creating && data && (
        <CreateTokenModal
          policy={data.policy}
          onClose={() => setCreating(false)}
          onCreated={(tok) => {
            setCreating(false);
            setCreated(tok);
            reload();
          }}
        />
      )}
      {created && (
        <Modal
          open
          title={t('admin.tokens.createdTitle')}
          closable={false}
          maskClosable={false}
          footer={
            <Button type="primary" onClick={() => setCreated(null)} data-testid="token-created-close">
              {t('admin.tokens.close')}
            </Button>
          }
        >
          <Alert type="warning" showIcon title={t('admin.tokens.createdNote')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph
            copyable={{ text: created.token }}
            code
            data-testid="token-value"
            style={{ wordBreak: 'break-all' }}
          >
            {created.token}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('admin.tokens.expires')}: {formatDateTime(created.expiresAt)}
          </Typography.Text>
        </Modal>
      )}
    </>
  );
}
