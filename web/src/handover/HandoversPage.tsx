// /handovers — the handovers of ended units the user may see, filtered by province, level, state and
// part of the unit's name. Every filter and the page live in the URL, so a link shows the same list.
import { useState, useEffect } from 'react';
import { Alert, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { useDebounced } from '../common/useDebounced';
import { formatDate, formatNumber } from '../common/format';
import type { TreeResponse } from '../types';
import { LEVELS, STATES, type HandoverList, type HandoverState, type HandoverSummary } from './types';
import { STATE_COLOR } from './words';
import './handover.css';

const PAGE_SIZES = [20, 50, 100];

export default function HandoversPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const province = params.get('province') ?? undefined;
  const level = params.get('level') ? Number(params.get('level')) : undefined;
  const state = (params.get('state') as HandoverState | null) ?? undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : 20;
  const [text, setText] = useState(q);
  const typed = useDebounced(text.trim(), 300);

  /** Changes some filters; any change but the page's own goes back to page 1. */
  const set = (changes: Record<string, string | number | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (typed !== q) set({ q: typed });
    // Only the typed text drives this; the URL's q follows it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const country = useApiGet<TreeResponse>('/api/units/tree');
  const countryId = country.data?.items[0]?.id;
  const provinces = useApiGet<TreeResponse>(countryId ? withQuery('/api/units/tree', { parentId: countryId }) : null);
  const { data, error, loading } = useApiGet<HandoverList>(
    withQuery('/api/handovers', {
      province,
      level,
      state,
      q: q || undefined,
      limit: size,
      offset: (page - 1) * size,
    }),
  );

  const columns: ColumnsType<HandoverSummary> = [
    {
      title: t('handover.list.unit'),
      key: 'unit',
      render: (_, h) => (
        <Link to={`/handovers/${h.id}`} data-testid="handover-link">
          {h.fromUnit.name}
        </Link>
      ),
    },
    {
      title: t('handover.list.level'),
      key: 'level',
      render: (_, h) => t(`handover.level.${h.fromUnit.level}`, { defaultValue: String(h.fromUnit.level) }),
    },
    { title: t('handover.list.effective'), dataIndex: 'effectiveDate', render: (d: string) => formatDate(d) },
    {
      title: t('handover.list.state'),
      dataIndex: 'state',
      render: (s: HandoverState) => <Tag color={STATE_COLOR[s]}>{t(`handover.state.${s}`)}</Tag>,
    },
    { title: t('handover.list.lines'), dataIndex: 'lines', align: 'right', render: (n: number) => formatNumber(n) },
    {
      title: t('handover.list.outstanding'),
      dataIndex: 'outstanding',
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
    { title: t('handover.list.version'), dataIndex: 'version', align: 'right' },
  ];

  return (
    <div className="handover-page" data-testid="handover-list">
      <Typography.Title level={2} className="page-title">
        {t('handover.list.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('handover.list.intro')}{' '}
        <Link to="/handovers/verify">
          <SafetyCertificateOutlined /> {t('handover.list.verifyLink')}
        </Link>
      </Typography.Paragraph>
      <div className="handover-filters">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('handover.list.allProvinces')}
          aria-label={t('handover.list.province')}
          value={province}
          onChange={(v?: string) => set({ province: v })}
          loading={provinces.loading}
          options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.fullName }))}
          data-testid="handover-province"
        />
        <Select
          allowClear
          placeholder={t('handover.list.allLevels')}
          aria-label={t('handover.list.level')}
          value={level}
          onChange={(v?: number) => set({ level: v })}
          options={LEVELS.map((l) => ({ value: l, label: t(`handover.level.${l}`) }))}
          data-testid="handover-level"
        />
        <Select
          allowClear
          placeholder={t('handover.list.allStates')}
          aria-label={t('handover.list.state')}
          value={state}
          onChange={(v?: HandoverState) => set({ state: v })}
          options={STATES.map((s) => ({ value: s, label: t(`handover.state.${s}`) }))}
          data-testid="handover-state"
        />
        <Input.Search
          allowClear
          placeholder={t('handover.list.search')}
          aria-label={t('handover.list.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="handover-search"
        />
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<HandoverSummary>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('handover.list.empty') }}
        pagination={{
          current: page,
          pageSize: size,
          total: data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total: formatNumber(total) }),
          onChange: (p, s) => set(s !== size ? { size: s, page: undefined } : { page: p }),
        }}
      />
    </div>
  );
}
