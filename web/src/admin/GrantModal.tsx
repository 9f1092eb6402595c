// Grants one role over a unit's subtree to a user.
import { useState } from 'react';
import { App as AntApp, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api';
import type { AdminUser } from './types';
import { UnitPicker, type PickedUnit } from './UnitPicker';

export const ROLES = [
  'system_admin',
  'central_officer',
  'province_officer',
  'commune_officer',
  'viewer',
  'hr_officer',
] as const;

interface Values {
  role: string;
  unit: PickedUnit;
}

export function GrantModal({ user, onClose, onDone }: { user: AdminUser; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  async function submit(v: Values) {
    setSaving(true);
    try {
      await api.post(`/api/users/${user.id}/grants`, { role: v.role, unitId: v.unit.id });
      message.success(t('admin.users.granted'));
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
      title={t('admin.users.addGrantTitle', { name: user.displayName || user.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('admin.users.save')}
      cancelText={t('admin.users.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'grant-save' }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="role"
          label={t('admin.users.role')}
          rules={[{ required: true, message: t('admin.users.roleRequired') }]}
        >
          <Select data-testid="grant-role" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
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
