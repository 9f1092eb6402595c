// Submit a progress report, or edit one already sent. Edits carry the version
// they started from; when someone else changed the report meanwhile the
// server answers 409: its message is shown and what the user typed stays.
// Out-of-range figures are refused on the field, never clamped (a 150 typed
// stays 150 with a message, it does not quietly become 100); the server's
// refusals land on the field they name. A submission carries a client key, so
// a double click or a retry after a lost answer stores one report.
import { useEffect, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Row, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../common/format';
import { api, ApiError, errorMessage } from '../../api';
import type { Report, ReportStatus } from '../types';
import type { Problem } from '../../types';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_TOTAL_BYTES, readAsBase64 } from './evidence';

interface Values {
  progress: number;
  status: ReportStatus;
  narrative?: string;
  obstacles?: string;
  resourcesNeeded?: string;
}
const REPORT_STATUSES: ReportStatus[] = ['not_started', 'in_progress', 'done', 'suspended'];
const orNull = (s: string | undefined) => (s && s.trim() ? s : null);

/** The same rules as src/program/reports/reports.rules.ts, shown on the field before sending (the server checks again). */
function progressRule(t: (k: string) => string) {
  return {
    validator: (_: unknown, v: unknown) => {
      if (v === null || v === undefined || v === '')
        return Promise.reject(new Error(t('program.report.progressRange')));
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 100) return Promise.reject(new Error(t('program.report.progressRange')));
      if (Math.abs(n * 100 - Math.round(n * 100)) > 1e-6)
        return Promise.reject(new Error(t('program.report.progressDecimals')));
      return Promise.resolve();
    },
  };
}

const newKey = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;

interface Props {
  taskId: number;
  startProgress: number;
  /** The report being edited, or null for a new one. */
  editing: Report | null;
  onCancelEdit: () => void;
  onSaved: () => void;
}

export function ReportForm({ taskId, startProgress, editing, onCancelEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<{ text: string; current: Report | null } | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  // One key per report being written: a second click, or a retry after a lost answer, sends the same key.
  const clientKey = useRef(newKey());
  // Read once per form opening: a live update of the task must not wipe what the user is typing.
  const initialProgress = useRef(startProgress);
  initialProgress.current = startProgress;

  useEffect(() => {
    const startProgress = initialProgress.current;
    setConflict(null);
    setFiles([]);
    if (editing) {
      setVersion(editing.version);
      form.setFieldsValue({
        progress: editing.progress,
        status: editing.status,
        narrative: editing.narrative ?? '',
        obstacles: editing.obstacles ?? '',
        resourcesNeeded: editing.resourcesNeeded ?? '',
      });
    } else {
      setVersion(null);
      form.setFieldsValue({
        progress: startProgress,
        status: startProgress > 0 ? 'in_progress' : 'not_started',
        narrative: '',
        obstacles: '',
        resourcesNeeded: '',
      });
    }
  }, [editing, form]);

  async function submit(v: Values) {
    setSaving(true);
    setConflict(null);
    try {
      const text = {
        narrative: orNull(v.narrative),
        obstacles: orNull(v.obstacles),
        resourcesNeeded: orNull(v.resourcesNeeded),
      };
      if (editing && version !== null) {
        await api.patch<Report>(`/api/reports/${editing.id}`, {
          version,
          progress: v.progress,
          status: v.status,
          ...text,
        });
        message.success(t('program.report.saved'));
      } else {
        if (files.reduce((sum, f) => sum + (f.size ?? 0), 0) > MAX_EVIDENCE_TOTAL_BYTES) {
          message.error(t('program.report.evidenceTotalTooBig'));
          return;
        }
        const evidence = await Promise.all(files.map((f) => readAsBase64(f.originFileObj as File)));
        await api.post<Report>(`/api/tasks/${taskId}/reports`, {
          progress: v.progress,
          status: v.status,
          ...text,
          ...(evidence.length ? { evidence } : {}),
          clientKey: clientKey.current,
        });
        clientKey.current = newKey();
        message.success(t('program.report.submitted'));
        form.resetFields(['narrative', 'obstacles', 'resourcesNeeded']);
        setFiles([]);
      }
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // The form keeps every value: nothing the user typed is lost.
        const current = (err.problem as { current?: Report } | null)?.current ?? null;
        setConflict({ text: err.message, current });
      } else if (err instanceof ApiError && err.status === 400 && fieldErrors(err.problem).length) {
        // The server names the field it refuses: the message goes under that field.
        form.setFields(fieldErrors(err.problem).map((e) => ({ name: e.field as keyof Values, errors: [err.message] })));
      } else {
        message.error(errorMessage(err));
      }
    } finally {
      setSaving(false);
    }
  }

  const title = editing
    ? t('program.report.editTitle', { period: formatPeriod(editing.period) })
    : t('program.report.newTitle');
  return (
    <Card
      size="small"
      title={title}
      extra={
        editing && (
          <Button size="small" onClick={onCancelEdit}>
            {t('program.report.cancelEdit')}
          </Button>
        )
      }
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="report-conflict"
          title={t('program.report.conflict')}
          description={
            <>
              {conflict.text}
              <br />
              {t('program.report.conflictKept')}
            </>
          }
          action={
            conflict.current && (
              <Button
                size="small"
                onClick={() => {
                  setVersion(conflict.current!.version);
                  setConflict(null);
                }}
              >
                {t('program.report.reloadLatest')}
              </Button>
            )
          }
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="report-form" disabled={saving}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="progress" label={t('program.report.progress')} rules={[progressRule(t)]} validateFirst>
              <InputNumber step={5} style={{ width: 120 }} data-testid="report-progress" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="status"
              label={t('program.report.status')}
              dependencies={['progress']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_: unknown, status: ReportStatus) => {
                    const progress = Number(getFieldValue('progress'));
                    if (status === 'done' && progress !== 100)
                      return Promise.reject(new Error(t('program.report.doneNeeds100')));
                    if (status === 'not_started' && progress !== 0)
                      return Promise.reject(new Error(t('program.report.notStartedZero')));
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <Select
                data-testid="report-status"
                options={REPORT_STATUSES.map((s) => ({ value: s, label: t(`program.status.${s}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="narrative" label={t('program.report.narrative')}>
          <Input.TextArea rows={3} maxLength={20000} data-testid="report-narrative" />
        </Form.Item>
        <Form.Item name="obstacles" label={t('program.report.obstacles')}>
          <Input.TextArea rows={2} maxLength={20000} data-testid="report-obstacles" />
        </Form.Item>
        <Form.Item
          name="resourcesNeeded"
          label={t('program.report.resourcesNeeded')}
          extra={t('program.report.resourcesHint')}
        >
          <Input.TextArea rows={2} maxLength={20000} data-testid="report-resources" />
        </Form.Item>
        {!editing && (
          <Form.Item label={t('program.report.evidence')} extra={t('program.report.evidenceHint')}>
            <Upload
              multiple
              fileList={files}
              onRemove={(f) => setFiles((list) => list.filter((x) => x.uid !== f.uid))}
              beforeUpload={(file) => {
                if (file.size > MAX_EVIDENCE_BYTES)
                  message.error(t('program.report.evidenceTooBig', { name: file.name }));
                else
                  setFiles((list) => [
                    ...list,
                    {
                      uid: file.uid,
                      name: file.name,
                      size: file.size,
                      type: file.type,
                      originFileObj: file,
                      status: 'done',
                    },
                  ]);
                return false; // sent with the report, not on its own
              }}
            >
              <Button icon={<UploadOutlined />}>{t('program.report.addEvidence')}</Button>
            </Upload>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="report-submit">
          {editing ? t('program.report.save') : t('program.report.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The fields a 400 problem names (program/reports/reports.rules.ts and the schema validation both list them in `errors`). */
function fieldErrors(problem: Problem | null): { field: string }[] {
  const errors = (problem as { errors?: { field?: string }[] } | null)?.errors ?? [];
  return errors
    .filter(
      (e): e is { field: string } =>
        e.field === 'progress' || e.field === 'status' || e.field === 'body.progress' || e.field === 'body.status',
    )
    .map((e) => ({ field: e.field.replace(/^body\./, '') }));
}
