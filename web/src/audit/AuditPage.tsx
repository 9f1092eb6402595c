// The audit log: who changed what and when, filtered and paged on the server.
import { useState } from 'react';
import { Alert, Col, Collapse, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api';
import { useApiGet } from '../common/useApiGet';
import { formatDateTime, formatNumber } from '../common/format';
import type { AuditEntry, AuditPage as AuditPageData } from '../types';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { actionWords, entityWords, fieldChanges, type FieldChange } from './auditWords';

const shown = (v: unknown) =>
  v === undefined ? '' : v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);

function JsonPane({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  const empty = value === null || value === undefined;
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="json-pane">{empty ? t('audit.emptyValue') : JSON.stringify(value, null, 2)}</pre>
    </>
  );
}

/** What changed, field by field (changed fields first and marked), with the records as stored underneath. */
function BeforeAfter({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const rows = fieldChanges(entry.before, entry.after);
  return (
    <div data-testid="audit-diff">
      <Table<FieldChange>
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={rows}
        rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
        columns={[
          {
            title: t('audit.field'),
            dataIndex: 'field',
            render: (v: string, r) => (r.changed ? <Typography.Text strong>{v}</Typography.Text> : v),
          },
          {
            title: t('audit.before'),
            dataIndex: 'before',
            render: (v: unknown) => <span className="audit-value">{shown(v)}</span>,
          },
          {
            title: t('audit.after'),
            dataIndex: 'after',
            render: (v: unknown) => <span className="audit-value">{shown(v)}</span>,
          },
        ]}
        locale={{ emptyText: t('audit.emptyValue') }}
      />
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'raw',
            label: t('audit.raw'),
            children: (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <JsonPane title={t('audit.before')} value={entry.before} />
                </Col>
                <Col xs={24} md={12}>
                  <JsonPane title={t('audit.after')} value={entry.after} />
                </Col>
              </Row>
            ),
          },
        ]}
      />
    </div>
  );
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const { data, error, loading } = useApiGet<AuditPageData>(withQuery('/api/audit', { ...filters, page, pageSize }));

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('audit.actor'), dataIndex: 'actor', render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <Tag color="blue" title={v}>
          {actionWords(v, i18n.language)}
        </Tag>
      ),
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      render: (v: string) => <span title={v}>{entityWords(v, i18n.language)}</span>,
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (v: unknown) => (v === null || v === undefined ? '—' : String(v)),
    },
    { title: t('audit.ip'), dataIndex: 'ip', responsive: ['md'], render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('audit.title')}
      </Typography.Title>
      <AuditFilters
        onApply={(f) => {
          setFilters(f);
          setPage(1); // new filters: back to the first page
        }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <div data-testid="audit-table">
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('audit.empty') }}
          expandable={{ expandedRowRender: (entry) => <BeforeAfter entry={entry} /> }}
          scroll={{ x: 720 }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total: formatNumber(total) }),
          }}
          onChange={(p) => {
            if (p.pageSize && p.pageSize !== pageSize) {
              setPageSize(p.pageSize);
              setPage(1);
            } else {
              setPage(p.current ?? 1);
            }
          }}
        />
      </div>
    </>
  );
}
