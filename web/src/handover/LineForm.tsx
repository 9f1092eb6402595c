// Adding an inventory line (handing-over side, draft only): the fields common to every kind, then the
// few that say what a line of that kind is. The server checks everything again (LineInput in
// src/handover/handover.schemas.ts) and its refusal is shown as it words it.
import { useState } from 'react';
import { Alert, App as AntApp, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api';
import { API_DATE } from '../common/format';
import { KINDS, type HandoverDetail, type LineInput, type LineKind } from './types';

interface Values {
  kind: LineKind;
  title: string;
  location?: string;
  receiverUnitId?: number;
  receiverReason?: string;
  level?: 'dossier' | 'document';
  pages?: number;
  pagesDigitised?: number;
  landOrInvestment?: boolean;
  sealKind?: 'seal' | 'signing_key';
  identifier?: string;
  state?: 'in_use' | 'surrendered' | 'revoked';
  assetKind?: 'headquarters' | 'land' | 'vehicle' | 'equipment' | 'other';
  address?: string;
  landAreaM2?: string;
  floorAreaM2?: string;
  bookValueVnd?: string;
  usePlan?: 'undecided' | 'keep' | 'convert_public_service' | 'transfer' | 'sell' | 'liquidate';
  businessKind?: 'procedure_file' | 'petition' | 'complaint' | 'dispute' | 'contract' | 'project';
  legalDeadline?: Dayjs;
  accountKind?: 'budget' | 'bank' | 'treasury';
  accountNumber?: string;
  balanceVnd?: string;
  settlement?: 'not_started' | 'in_progress' | 'settled' | 'approved';
}

const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** The request body: the common fields, then the kind's own (empty ones left out). */
function toInput(v: Values): LineInput {
  const common = {
    title: v.title.trim(),
    location: blank(v.location),
    receiverUnitId: v.receiverUnitId,
    receiverReason: blank(v.receiverReason),
  };
  switch (v.kind) {
    case 'record':
      return {
        kind: 'record',
        ...common,
        level: v.level ?? 'dossier',
        pages: v.pages ?? undefined,
        pagesDigitised: v.pagesDigitised ?? undefined,
        landOrInvestment: !!v.landOrInvestment,
      };
    case 'seal':
      return {
        kind: 'seal',
        ...common,
        sealKind: v.sealKind ?? 'seal',
        identifier: v.identifier!.trim(),
        state: v.state ?? 'in_use',
      };
    case 'asset':
      return {
        kind: 'asset',
        ...common,
        assetKind: v.assetKind ?? 'headquarters',
        address: blank(v.address),
        landAreaM2: blank(v.landAreaM2),
        floorAreaM2: blank(v.floorAreaM2),
        bookValueVnd: blank(v.bookValueVnd),
        usePlan: v.usePlan ?? 'undecided',
      };
    case 'business':
      return {
        kind: 'business',
        ...common,
        businessKind: v.businessKind ?? 'procedure_file',
        legalDeadline: v.legalDeadline?.format(API_DATE),
        landOrInvestment: !!v.landOrInvestment,
      };
    case 'account':
      return {
        kind: 'account',
        ...common,
        accountKind: v.accountKind ?? 'treasury',
        accountNumber: v.accountNumber!.trim(),
        balanceVnd: v.balanceVnd!.trim(),
        settlement: v.settlement ?? 'not_started',
      };
  }
}

export function LineForm({
  handover,
  open,
  onClose,
  onAdded,
}: {
  handover: HandoverDetail;
  open: boolean;
  onClose: () => void;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'record';
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const required = [{ required: true, message: t('handover.form.required') }];
  const digits = [{ pattern: /^\d{1,20}$/, message: t('handover.form.digits') }];
  const area = [{ pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('handover.form.digits') }];
  const choices = (group: string, values: string[]) =>
    values.map((v) => ({ value: v, label: t(`handover.form.${group}.${v}`) }));

  async function submit(v: Values) {
    setSaving(true);
    setProblem(null);
    try {
      await api.post(`/api/handovers/${handover.id}/lines`, toInput(v));
      message.success(t('handover.form.added', { title: v.title.trim() }));
      form.resetFields(['title', 'location', 'identifier', 'accountNumber', 'balanceVnd', 'bookValueVnd', 'address']);
      onAdded();
      onClose();
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('handover.form.title')}
      okText={t('handover.form.add')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'line-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'record',
          level: 'dossier',
          sealKind: 'seal',
          state: 'in_use',
          assetKind: 'headquarters',
          usePlan: 'undecided',
          businessKind: 'procedure_file',
          accountKind: 'treasury',
          settlement: 'not_started',
        }}
      >
        <Form.Item name="kind" label={t('handover.form.kind')} rules={required}>
          <Select data-testid="line-kind" options={KINDS.map((k) => ({ value: k, label: t(`handover.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('handover.form.titleField')}
          rules={[{ required: true, whitespace: true, message: t('handover.form.titleRequired') }]}
        >
          <Input data-testid="line-title" maxLength={1000} />
        </Form.Item>
        {kind === 'record' && (
          <>
            <Form.Item name="level" label={t('handover.form.recordLevel')}>
              <Select
                options={[
                  { value: 'dossier', label: t('handover.form.dossier') },
                  { value: 'document', label: t('handover.form.document') },
                ]}
              />
            </Form.Item>
            <Form.Item name="pages" label={t('handover.form.pages')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="line-pages" />
            </Form.Item>
            <Form.Item name="pagesDigitised" label={t('handover.form.pagesDigitised')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="line-pages-digitised" />
            </Form.Item>
          </>
        )}
        {kind === 'seal' && (
          <>
            <Form.Item name="sealKind" label={t('handover.form.sealKind')}>
              <Select options={choices('sealKinds', ['seal', 'signing_key'])} />
            </Form.Item>
            <Form.Item name="identifier" label={t('handover.form.identifier')} rules={required}>
              <Input data-testid="line-identifier" maxLength={200} />
            </Form.Item>
            <Form.Item name="state" label={t('handover.form.sealState')}>
              <Select
                data-testid="line-seal-state"
                options={choices('sealStates', ['in_use', 'surrendered', 'revoked'])}
              />
            </Form.Item>
          </>
        )}
        {kind === 'asset' && (
          <>
            <Form.Item name="assetKind" label={t('handover.form.assetKind')}>
              <Select options={choices('assetKinds', ['headquarters', 'land', 'vehicle', 'equipment', 'other'])} />
            </Form.Item>
            <Form.Item name="address" label={t('handover.form.address')}>
              <Input data-testid="line-address" maxLength={500} />
            </Form.Item>
            <Form.Item name="landAreaM2" label={t('handover.form.landArea')} rules={area}>
              <Input inputMode="decimal" data-testid="line-land-area" />
            </Form.Item>
            <Form.Item name="floorAreaM2" label={t('handover.form.floorArea')} rules={area}>
              <Input inputMode="decimal" />
            </Form.Item>
            <Form.Item name="bookValueVnd" label={t('handover.form.bookValue')} rules={digits}>
              <Input inputMode="numeric" data-testid="line-book-value" />
            </Form.Item>
            <Form.Item name="usePlan" label={t('handover.form.usePlan')}>
              <Select
                data-testid="line-use-plan"
                options={choices('usePlans', [
                  'undecided',
                  'keep',
                  'convert_public_service',
                  'transfer',
                  'sell',
                  'liquidate',
                ])}
              />
            </Form.Item>
          </>
        )}
        {kind === 'business' && (
          <>
            <Form.Item name="businessKind" label={t('handover.form.businessKind')}>
              <Select
                data-testid="line-business-kind"
                options={choices('businessKinds', [
                  'procedure_file',
                  'petition',
                  'complaint',
                  'dispute',
                  'contract',
                  'project',
                ])}
              />
            </Form.Item>
            <Form.Item name="legalDeadline" label={t('handover.form.legalDeadline')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="line-deadline" />
            </Form.Item>
          </>
        )}
        {kind === 'account' && (
          <>
            <Form.Item name="accountKind" label={t('handover.form.accountKind')}>
              <Select options={choices('accountKinds', ['budget', 'bank', 'treasury'])} />
            </Form.Item>
            <Form.Item name="accountNumber" label={t('handover.form.accountNumber')} rules={required}>
              <Input data-testid="line-account-number" maxLength={50} />
            </Form.Item>
            <Form.Item name="balanceVnd" label={t('handover.form.balance')} rules={[...required, ...digits]}>
              <Input inputMode="numeric" data-testid="line-balance" />
            </Form.Item>
            <Form.Item name="settlement" label={t('handover.form.settlement')}>
              <Select options={choices('settlements', ['not_started', 'in_progress', 'settled', 'approved'])} />
            </Form.Item>
          </>
        )}
        {(kind === 'record' || kind === 'business') && (
          <Form.Item name="landOrInvestment" valuePropName="checked">
            <Checkbox>{t('handover.form.landOrInvestment')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="location" label={t('handover.form.location')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="receiverUnitId" label={t('handover.form.receiver')}>
          <Select
            allowClear
            placeholder={t('handover.form.receiverDefault')}
            options={handover.receivers.map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="receiverReason" label={t('handover.form.receiverReason')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} data-testid="line-error" />}
      </Form>
    </Modal>
  );
}
