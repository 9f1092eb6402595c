// /program?view=content — a program's content and how it changed: its facts,
// the list of amendments, the content in force on any date (?asOf=), and
// "add a task" for central writers. Updated live like the dashboard.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { API_DATE, formatDate } from '../../common/format';
import { ProgramHeader } from '../ProgramHeader';
import { pick } from '../ratings';
import type { Program } from '../types';
import { useLiveGet } from '../useLiveGet';
import { useProgramEvents } from '../useProgramEvents';
import { AddTaskDrawer } from './AddTaskDrawer';
import { AmendmentsTable } from './AmendmentsTable';
import { AsOfContent } from './AsOfContent';
import type { ProgramDetail } from './types';
import './admin.css';

interface Props {
  program: Program;
  programs: Program[];
  onProgram: (id: number) => void;
}

export function ProgramContentView({ program, programs, onProgram }: Props) {
  const { t } = useTranslation();
  const c = (k: string, o?: Record<string, unknown>) => t(`program.admin.content.${k}`, o);
  const [params, setParams] = useSearchParams();
  const live = useProgramEvents(program.id);
  const detail = useLiveGet<ProgramDetail>(`/api/programs/${program.id}`, live.tick);
  const [adding, setAdding] = useState(false);
  const [addedTick, setAddedTick] = useState(0);
  const asOf = params.get('asOf') ?? dayjs().format(API_DATE);
  const setAsOf = (d: string) =>
    setParams((prev) => {
      const q = new URLSearchParams(prev);
      q.set('asOf', d);
      return q;
    });
  const amendments = detail.data?.amendments ?? [];
  const importDate = amendments.find((a) => a.kind === 'import')?.effectiveDate ?? null;
  // The program's own tasks are the country's to add: the server says whether the caller may (`can.addTask`).
  const mayAdd = !!detail.data?.can?.addTask;
  const p = detail.data ?? program;

  return (
    <div data-testid="program-content" data-program={program.id}>
      <ProgramHeader programs={programs} programId={program.id} onProgram={onProgram} live={live} active="content" />

      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        style={{ marginBottom: 16 }}
        data-testid="program-meta"
      >
        <Descriptions.Item label={c('programTitle')} span={{ xs: 1, md: 2, xl: 3 }}>
          {pick({ vi: p.titleVi, en: p.titleEn })}
        </Descriptions.Item>
        <Descriptions.Item label={c('code')}>{p.code}</Descriptions.Item>
        <Descriptions.Item label={c('issuingBody')}>{p.issuingBody}</Descriptions.Item>
        <Descriptions.Item label={c('resolution')}>{p.resolutionRef ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={c('period')}>
          {formatDate(p.periodStart)} – {formatDate(p.periodEnd)}
        </Descriptions.Item>
        <Descriptions.Item label={c('cadence')}>{t(`program.admin.import.cadenceName.${p.cadence}`)}</Descriptions.Item>
        <Descriptions.Item label={c('currentVersion')}>
          <span data-testid="program-version">{p.currentVersion}</span>
        </Descriptions.Item>
      </Descriptions>

      <Card size="small" title={c('amendments', { count: amendments.length })}>
        {detail.error && <Alert type="error" showIcon title={detail.error} />}
        <AmendmentsTable amendments={amendments} onAsOf={setAsOf} />
      </Card>

      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<span className="card-title-wrap">{c('asOfTitle', { date: formatDate(asOf) })}</span>}
      >
        <AsOfContent
          programId={program.id}
          asOf={asOf}
          onAsOf={setAsOf}
          tick={live.tick + addedTick}
          importDate={importDate}
          periodStart={p.periodStart}
          actions={
            mayAdd && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-task">
                {c('addTask')}
              </Button>
            )
          }
        />
      </Card>
      {mayAdd && (
        <AddTaskDrawer
          programId={program.id}
          open={adding}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAddedTick((n) => n + 1);
            detail.reload();
          }}
        />
      )}
    </div>
  );
}
