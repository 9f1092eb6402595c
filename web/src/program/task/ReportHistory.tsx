// The versions of a report its author's edits replaced, newest first: what was
// sent, what the reviewer said about it, and when it was replaced.
import { Alert, Descriptions, Empty, List, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiGet } from '../../common/useApiGet';
import { formatDate, formatDateTime } from '../../common/format';
import { pctText } from '../Figures';
import type { Report, ReportVersion } from '../types';

export function ReportHistory({ report, onClose }: { report: Report | null; onClose: () => void }) {
  const { t } = useTranslation();
  const versions = useApiGet<{ items: ReportVersion[] }>(report ? `/api/reports/${report.id}/versions` : null);
  return (
    <Modal
      open={report !== null}
      onCancel={onClose}
      footer={null}
      width={720}
      title={t('program.report.historyTitle')}
      data-testid="report-history"
    >
      {versions.error && <Alert type="error" showIcon title={versions.error} />}
      <List<ReportVersion>
        loading={versions.loading}
        dataSource={versions.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('program.report.none')} /> }}
        renderItem={(v) => (
          <List.Item data-testid="report-version" data-version={v.version}>
            <Descriptions
              size="small"
              column={1}
              title={
                <>
                  {t('program.report.versionN', { version: v.version })}{' '}
                  <Tag>{t(`program.report.stateName.${v.state}`)}</Tag>
                </>
              }
            >
              <Descriptions.Item label={t('program.report.date')}>{formatDate(v.reportDate)}</Descriptions.Item>
              <Descriptions.Item label={t('program.report.progress')}>
                {pctText(v.progress)} · {t(`program.status.${v.status}`)}
              </Descriptions.Item>
              {v.narrative && (
                <Descriptions.Item label={t('program.report.narrative')}>{v.narrative}</Descriptions.Item>
              )}
              {v.obstacles && (
                <Descriptions.Item label={t('program.report.obstacles')}>{v.obstacles}</Descriptions.Item>
              )}
              {v.resourcesNeeded && (
                <Descriptions.Item label={t('program.report.resourcesNeeded')}>{v.resourcesNeeded}</Descriptions.Item>
              )}
              {v.reviewComment && (
                <Descriptions.Item label={t('program.report.reviewComment')}>{v.reviewComment}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('program.report.by')}>
                {v.submittedBy} · {formatDateTime(v.submittedAt)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('program.report.supersededAt', { time: formatDateTime(v.supersededAt) })}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Modal>
  );
}
