// Accounts and role grants (system administrators): search, switch accounts
// off and on, grant and take away roles, reset a password. Every destructive
// action asks first; the server audits each one with before and after.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Input, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, errorMessage, withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { useDebounced } from '../common/useDebounced';
import { formatDate, formatNumber } from '../common/format';
import { useAuth } from '../auth/AuthContext';
import type { AdminGrant, AdminUser, UserPage } from './types';
import { GrantModal } from './GrantModal';
import { PasswordModal } from './PasswordModal';
import { NewUserModal } from './NewUserModal';

type StatusFilter = 'all' | 'active' | 'inactive';

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { user: me } = useAuth();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [granting, setGranting] = useState<AdminUser | null>(null);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApiGet<UserPage>(
    withQuery('/api/users', {
      q,
      active: status === 'all' ? undefined : String(status === 'active'),
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );

  async function act(run: () => Promise<string>) {
    try {
      message.success(await run());
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  const name = (u: AdminUser) => u.displayName || u.username;
  const setActive = (u: AdminUser, active: boolean) =>
    act(async () => {
      if (active) {
        await api.post(`/api/users/${u.id}/reactivate`);
        return t('admin.users.reactivated', { name: name(u) });
      }
      const r = await api.post<{ sessionsEnded: number; tokensRevoked: number }>(`/api/users/${u.id}/deactivate`);
      return t('admin.users.deactivated', { name: name(u), sessions: r.sessionsEnded, tokens: r.tokensRevoked });
    });
  const revokeGrant = (u: AdminUser, g: AdminGrant) =>
    act(async () => {
      await api.delete(`/api/users/${u.id}/grants/${g.id}`);
      return t('admin.users.grantRevoked');
    });

  const columns: ColumnsType<AdminUser> = [
    {
      title: t('admin.users.username'),
      dataIndex: 'username',
      render: (v: string, u) => (
        <Typography.Text strong>
          {v}
          {u.id === me?.id ? ` ${t('admin.users.you')}` : ''}
        </Typography.Text>
      ),
    },
    {
      title: t('admin.users.displayName'),
      dataIndex: 'displayName',
      render: (v: string, u) => (
        <>
          {v}
          {u.email && (
            <div>
              <Typography.Text type="secondary">{u.email}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
    {
      title: t('admin.users.status'),
      dataIndex: 'isActive',
      width: 130,
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>{active ? t('admin.users.active') : t('admin.users.inactive')}</Tag>
      ),
    },
    {
      title: t('admin.users.grants'),
      key: 'grants',
      render: (_: unknown, u) => (
        <Space orientation="vertical" size={2}>
          {u.grants.length === 0 && <Typography.Text type="secondary">{t('admin.users.noGrants')}</Typography.Text>}
          {u.grants.map((g) => (
            <span key={g.id} data-testid="user-grant">
              <Tag color="blue">{t(`role.${g.role}`, { defaultValue: g.role })}</Tag>
              {g.unitName}
              <Popconfirm
                title={t('admin.users.revokeGrantConfirm', {
                  role: t(`role.${g.role}`),
                  unit: g.unitName,
                  name: name(u),
                })}
                okText={t('admin.users.save')}
                cancelText={t('admin.users.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => revokeGrant(u, g)}
              >
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<CloseOutlined />}
                  aria-label={t('admin.users.grantRevoked')}
                  data-testid="grant-revoke"
                />
              </Popconfirm>
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: t('admin.users.sessions'),
      key: 'sessions',
      responsive: ['lg'],
      render: (_: unknown, u) =>
        t('admin.users.sessionsValue', { sessions: formatNumber(u.liveSessions), tokens: formatNumber(u.liveTokens) }),
    },
    {
      title: t('admin.users.created'),
      dataIndex: 'createdAt',
      responsive: ['xl'],
      render: (v: string) => formatDate(v),
    },
    {
      title: t('admin.users.actions'),
      key: 'actions',
      width: 260,
      render: (_: unknown, u) => (
        <Space wrap size={4}>
          <Button size="small" onClick={() => setGranting(u)} data-testid="grant-add">
            {t('admin.users.addGrant')}
          </Button>
          <Button size="small" onClick={() => setResetting(u)}>
            {t('admin.users.resetPassword')}
          </Button>
          {u.id !== me?.id && (
            <Popconfirm
              title={t(u.isActive ? 'admin.users.deactivateConfirm' : 'admin.users.reactivateConfirm', {
                name: name(u),
              })}
              okText={u.isActive ? t('admin.users.deactivate') : t('admin.users.reactivate')}
              cancelText={t('admin.users.cancel')}
              okButtonProps={{ danger: u.isActive, 'data-testid': 'confirm-ok' }}
              onConfirm={() => setActive(u, !u.isActive)}
            >
              <Button size="small" danger={u.isActive} data-testid={u.isActive ? 'user-deactivate' : 'user-reactivate'}>
                {u.isActive ? t('admin.users.deactivate') : t('admin.users.reactivate')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('admin.users.title')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPage(1);
          }}
          placeholder={t('admin.users.search')}
          style={{ width: 340 }}
          data-testid="users-search"
        />
        <Segmented<StatusFilter>
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('admin.users.all') },
            { value: 'active', label: t('admin.users.active') },
            { value: 'inactive', label: t('admin.users.inactive') },
          ]}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-new">
          {t('admin.users.create')}
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<AdminUser>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 900 }}
        data-testid="users-table"
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total: formatNumber(total) }),
        }}
        onChange={(p) => {
          if (p.pageSize && p.pageSize !== pageSize) {
            setPageSize(p.pageSize);
            setPage(1);
          } else setPage(p.current ?? 1);
        }}
      />
      {granting && (
        <GrantModal
          user={granting}
          onClose={() => setGranting(null)}
          onDone={() => {
            setGranting(null);
            reload();
          }}
        />
      )}
      {resetting && (
        <PasswordModal
          user={resetting}
          onClose={() => {
            setResetting(null);
            reload();
          }}
        />
      )}
      {creating && (
        <NewUserModal
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            reload();
          }}
        />
      )}
    </>
  );
}
