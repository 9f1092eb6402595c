// The task page's amendment actions: adjust, cancel, cascade to units, and for
// the assigned unit a change request to the level that assigned the task.
// Each button shows when the server says the caller may (`task.can`, computed
// by the rules it enforces); the server checks again and its refusal is shown
// in the form. The version is shown to everyone: it is what an edit is based on.
import { useState } from 'react';
import { Alert, Button, Flex, Tag } from 'antd';
import { ApartmentOutlined, EditOutlined, MessageOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../types';
import type { Agency, TaskDetail } from '../types';
import { AdjustTaskDrawer } from './AdjustTaskDrawer';
import { CancelTaskModal } from './CancelTaskModal';
import { CascadeModal } from './CascadeModal';
import { ChangeRequestModal } from '../requests/ChangeRequestModal';
import type { CascadeResult } from './types';
import './admin.css';

interface Props {
  task: TaskDetail;
  unit: UnitDetail | null;
  agencies: Agency[];
  onChanged: () => void;
}

export function TaskAdminBar({ task, unit, agencies, onChanged }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'adjust' | 'cancel' | 'cascade' | 'request' | null>(null);
  const [cascaded, setCascaded] = useState<CascadeResult | null>(null);
  const can = task.can;
  const active = task.status !== 'cancelled';
  const close = () => setOpen(null);

  return (
    <div className="task-admin-bar" data-testid="task-admin">
      <Flex wrap gap={8} align="center">
        <Tag data-testid="task-version" data-version={task.version}>
          {t('program.admin.version', { version: task.version })}
        </Tag>
        {!active && <Tag color="default">{t('program.status.cancelled')}</Tag>}
        {can.adjust && (
          <Button icon={<EditOutlined />} onClick={() => setOpen('adjust')} data-testid="task-adjust">
            {t('program.admin.amend.adjust')}
          </Button>
        )}
        {can.cascade && (
          <Button icon={<ApartmentOutlined />} onClick={() => setOpen('cascade')} data-testid="task-cascade">
            {t('program.admin.cascade.button')}
          </Button>
        )}
        {can.cancel && (
          <Button danger icon={<StopOutlined />} onClick={() => setOpen('cancel')} data-testid="task-cancel">
            {t('program.admin.amend.cancel')}
          </Button>
        )}
        {can.requestChange && active && (
          <Button icon={<MessageOutlined />} onClick={() => setOpen('request')} data-testid="task-request-change">
            {t('program.requests.button')}
          </Button>
        )}
      </Flex>
      {cascaded && (
        <Alert
          type={cascaded.withoutCommittee.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setCascaded(null)}
          style={{ marginTop: 8 }}
          data-testid="cascade-result"
          data-created={cascaded.created}
          title={t('program.admin.cascade.done', { count: cascaded.created })}
          description={
            [
              cascaded.skipped ? t('program.admin.cascade.skipped', { count: cascaded.skipped }) : '',
              cascaded.withoutCommittee.length
                ? t('program.admin.cascade.noCommittee', { count: cascaded.withoutCommittee.length })
                : '',
            ]
              .filter(Boolean)
              .join(' ') || undefined
          }
        />
      )}
      {can.adjust && (
        <AdjustTaskDrawer
          task={task}
          agencies={agencies}
          open={open === 'adjust'}
          onClose={close}
          onSaved={onChanged}
          onReload={onChanged}
        />
      )}
      {can.cancel && (
        <CancelTaskModal task={task} open={open === 'cancel'} onClose={close} onDone={onChanged} onReload={onChanged} />
      )}
      {can.cascade && (
        <CascadeModal
          task={task}
          unitLevel={unit?.level ?? null}
          open={open === 'cascade'}
          onClose={close}
          onDone={(r) => {
            setCascaded(r);
            onChanged();
          }}
        />
      )}
      {can.requestChange && (
        <ChangeRequestModal task={task} open={open === 'request'} onClose={close} onSent={onChanged} />
      )}
    </div>
  );
}
