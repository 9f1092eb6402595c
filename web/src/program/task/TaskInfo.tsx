// The task's facts: where it sits, who leads and coordinates, when it is due,
// what money it has, what it must produce, and how it stands.
import { Descriptions, Grid, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { humanTaskCode } from '../taskCode';
import { formatDate, formatNumber } from '../../common/format';
import { pick } from '../ratings';
import { RatingTag, StatusTag } from '../RatingTag';
import { ProgressFigures } from '../Figures';
import type { Agency, Deadline, Funding, TaskDetail } from '../types';

function agencyName(agencies: Map<number, Agency>, id: number, en: boolean): string {
  const a = agencies.get(id);
  return a ? (en && a.nameEn ? a.nameEn : a.name) : `#${id}`;
}

function DeadlineText({ d }: { d: Deadline | null }) {
  const { t } = useTranslation();
  if (!d) return <>—</>;
  const range =
    d.start && d.end && d.start !== d.end ? `${formatDate(d.start)} – ${formatDate(d.end)}` : formatDate(d.end);
  return (
    <>
      {d.text ? (
        <Typography.Text strong>{d.text}</Typography.Text>
      ) : (
        t(`program.task.deadlineKind.${d.kind}`, { defaultValue: d.kind })
      )}
      <Typography.Text type="secondary"> ({range})</Typography.Text>
    </>
  );
}

function FundingText({ funding }: { funding: Funding[] }) {
  const { t } = useTranslation();
  const known = funding.filter((f) => f.source);
  if (known.length === 0) return <Tag color="orange">{t('program.task.noFunding')}</Tag>;
  return (
    <Space orientation="vertical" size={0}>
      {known.map((f, i) => (
        <span key={i}>
          {t(`program.task.fundingSource.${f.source}`, { defaultValue: f.source ?? '' })}
          {f.amountRequired !== null && ` · ${t('program.task.required', { amount: formatNumber(f.amountRequired) })}`}
          {f.amountAllocated !== null &&
            ` · ${t('program.task.allocated', { amount: formatNumber(f.amountAllocated) })}`}
        </span>
      ))}
    </Space>
  );
}

export function TaskInfo({
  task,
  unitName,
  agencies,
}: {
  task: TaskDetail;
  unitName: string;
  agencies: Map<number, Agency>;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const wide = Grid.useBreakpoint().md ?? true; // on a phone, labels above values leave room for the text
  const description = pick({ vi: task.descriptionVi, en: task.descriptionEn });
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} layout={wide ? 'horizontal' : 'vertical'}>
      <Descriptions.Item label={t('program.task.code')}>
        <span title={task.code} data-testid="task-code">
          {humanTaskCode(task.code, task.cascaded ? unitName : null)}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('program.task.unit')}>{unitName}</Descriptions.Item>
      <Descriptions.Item label={t('program.task.lead')}>
        {task.leadAgencyId ? agencyName(agencies, task.leadAgencyId, en) : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('program.task.coordinating')}>
        {task.coordinatingAgencyIds.length
          ? task.coordinatingAgencyIds.map((id) => agencyName(agencies, id, en)).join('; ')
          : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('program.task.deadline')}>
        <DeadlineText d={task.deadline} />
      </Descriptions.Item>
      <Descriptions.Item label={t('program.task.start')}>{formatDate(task.startDate)}</Descriptions.Item>
      <Descriptions.Item label={t('program.task.funding')}>
        <FundingText funding={task.funding} />
      </Descriptions.Item>
      <Descriptions.Item label={t('program.task.outputs')}>
        {task.outputs.length
          ? task.outputs.map((o) => <Tag key={o}>{t(`program.task.outputKind.${o}`, { defaultValue: o })}</Tag>)
          : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('program.task.status')}>
        <StatusTag status={task.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('program.task.progress')}>
        <span data-testid="task-progress" data-value={task.progress}>
          <ProgressFigures progress={task.progress} reported={task.reported} testId="task-figures" />
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('program.task.rating')} span={2}>
        <RatingTag rating={task.rating} data-testid="task-rating" />{' '}
        <Typography.Text data-testid="task-rating-why">{pick(task.ratingExplanation)}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('program.task.lastReport')}>{formatDate(task.lastReportDate)}</Descriptions.Item>
      <Descriptions.Item label={t('program.task.assignedBy')}>
        <span data-testid="task-assigned-by">{task.assignedBy?.name ?? '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('program.task.reviewedBy')}>{task.reviewedBy?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('program.task.rollup')}>
        {t(`program.task.rollupMode.${task.rollupMode}`, { defaultValue: task.rollupMode })}
      </Descriptions.Item>
      {task.tags.length > 0 && (
        <Descriptions.Item label={t('program.task.tags')} span={2}>
          {task.tags.map((g) => (
            <Tag key={g}>{g}</Tag>
          ))}
        </Descriptions.Item>
      )}
      {description && (
        <Descriptions.Item label={t('program.task.description')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{description}</div>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
