// Creates an account with its first role grant.
import { useState } from 'react';
import { App as AntApp, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api';
import { ROLES } from './GrantModal';
import { UnitPicker, type PickedUnit } from './UnitPicker';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  role: string;
  unit: PickedUnit;
}

export function NewUserModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  async function submit(v: Values) {
    setSaving(true);
    try {
      const user = await api.post<{ id: number; username: string }>('/api/users', {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        email: v.email?.trim() || null,
        password: v.password,
        grants: [{ role: v.role, unitId: v.unit.id }],
      });
      message.success(t('admin.users.created_ok', { name: user.username }));
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('admin.users.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.users.save')}
      cancelText={t('admin.users.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'new-user-save' }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="username"
          label={t('admin.users.username')}
          extra={t('admin.users.usernameRule')}
          rules={[{ required: true, pattern: /^[a-zA-Z0-9._-]{3,50}$/, message: t('admin.users.usernameRule') }]}
        >
          <Input autoComplete="off" data-testid="new-user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('admin.users.displayName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="new-user-name" />
        </Form.Item>
        <Form.Item name="email" label={t('admin.users.email')} rules={[{ type: 'email' }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('admin.users.password')}
          extra={t('admin.users.passwordHint')}
          rules={[{ required: true, min: 10, message: t('admin.users.passwordTooShort') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-user-password" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('admin.users.role')}
          rules={[{ required: true, message: t('admin.users.roleRequired') }]}
        >
          <Select data-testid="new-user-role" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('admin.users.unit')}
          rules={[{ required: true, message: t('admin.users.unitRequired') }]}
        >
          <UnitPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
