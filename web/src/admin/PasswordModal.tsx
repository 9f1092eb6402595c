// An administrator sets a new password for a user who forgot theirs.
import { useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api';
import type { AdminUser } from './types';

export function PasswordModal({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [saving, setSaving] = useState(false);

  async function submit(v: { password: string }) {
    setSaving(true);
    try {
      await api.post(`/api/users/${user.id}/password`, { password: v.password });
      message.success(t('admin.users.passwordReset'));
      onClose();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('admin.users.resetTitle', { name: user.displayName || user.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.users.save')}
      cancelText={t('admin.users.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('admin.users.resetHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="password"
          label={t('admin.users.newPassword')}
          rules={[{ required: true, min: 10, message: t('admin.users.passwordTooShort') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
