// /program: the action-program dashboard. National → province → commune
// drill-down (?unit=), counts by status and rating, sections, subordinate
// units, the section × province heat map, the risk map, overdue and at-risk
// lists, the due-date timeline and "my tasks", all updated live.
import { useCallback } from 'react';
import { Alert, Button, Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { withQuery } from '../api';
import { PageSpinner } from '../common/PageSpinner';
import { useApiGet } from '../common/useApiGet';
import type { GeoJSON } from '../types';
import { BreakdownRow } from './dashboard/BreakdownRow';
import { DueTimeline } from './dashboard/DueTimeline';
import { RiskMap } from './dashboard/RiskMap';
import { SectionHeatmap } from './dashboard/SectionHeatmap';
import { SummaryCards } from './dashboard/SummaryCards';
import { TaskList } from './dashboard/TaskList';
import { ImportLink, viewOf } from './admin/ProgramTabs';
import { ProgramContentView } from './admin/ProgramContentView';
import { ProgramHeader } from './ProgramHeader';
import type { Dashboard, Heatmap, Program, RiskMap as RiskMapData, Timeline } from './types';
import { UnitBreadcrumb } from './UnitBreadcrumb';
import { useLiveGet } from './useLiveGet';
import { useProgramEvents } from './useProgramEvents';
import './program.css';

export default function ProgramDashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const programs = useApiGet<{ items: Program[] }>('/api/programs');
  const list = programs.data?.items ?? [];
  const wanted = Number(params.get('program')) || null;
  const program = list.find((p) => p.id === wanted) ?? list[0] ?? null;
  const unitParam = Number(params.get('unit')) || undefined;

  const setQuery = useCallback(
    (next: { program?: number; unit?: number | null }) => {
      setParams((prev) => {
        const q = new URLSearchParams(prev);
        if (next.program !== undefined) {
          q.set('program', String(next.program));
          q.delete('unit');
        }
        if (next.unit !== undefined) {
          if (next.unit === null) q.delete('unit');
          else q.set('unit', String(next.unit));
        }
        return q;
      });
    },
    [setParams],
  );
  const openUnit = useCallback((unit: number | null) => setQuery({ unit }), [setQuery]);

  if (programs.loading && !programs.data) return <PageSpinner />;
  if (programs.error)
    return (
      <Alert
        type="error"
        showIcon
        title={programs.error}
        action={<Button onClick={programs.reload}>{t('common.retry')}</Button>}
      />
    );
  if (!program)
    return (
      <Empty description={t('program.noPrograms')}>
        <ImportLink primary />
      </Empty>
    );
  if (viewOf(params) === 'content') {
    return (
      <ProgramContentView
        key={program.id}
        program={program}
        programs={list}
        onProgram={(id) => setQuery({ program: id })}
      />
    );
  }
  return (
    <ProgramDashboard
      key={program.id}
      program={program}
      programs={list}
      unitId={unitParam}
      onProgram={(id) => setQuery({ program: id })}
      onUnit={openUnit}
    />
  );
}

interface Props {
  program: Program;
  programs: Program[];
  unitId?: number;
  onProgram: (id: number) => void;
  onUnit: (id: number | null) => void;
}

function ProgramDashboard({ program, programs, unitId, onProgram, onUnit }: Props) {
  const { t } = useTranslation();
  const live = useProgramEvents(program.id);
  const base = `/api/programs/${program.id}`;
  const dash = useLiveGet<Dashboard>(withQuery(`${base}/dashboard`, { unitId }), live.tick);
  const heat = useLiveGet<Heatmap>(`${base}/heatmap`, live.tick);
  const risk = useLiveGet<RiskMapData>(`${base}/risk-map`, live.tick);
  const timeline = useLiveGet<Timeline>(withQuery(`${base}/timeline`, { unitId }), live.tick);
  const geo = useApiGet<GeoJSON>('/api/geo/provinces');
  const shownUnit = dash.data?.unit;

  return (
    <div data-testid="program-dashboard" data-program={program.id} data-unit={shownUnit?.id ?? ''}>
      <ProgramHeader programs={programs} programId={program.id} onProgram={onProgram} live={live} active="dashboard" />
      <UnitBreadcrumb unitId={shownUnit && shownUnit.level > 0 ? shownUnit.id : null} onOpen={onUnit} />

      {dash.error && (
        <Alert
          type="error"
          showIcon
          title={dash.error}
          action={<Button onClick={dash.reload}>{t('common.retry')}</Button>}
        />
      )}
      {!dash.data && !dash.error && <PageSpinner />}
      {dash.data && (
        <>
          <SummaryCards summary={dash.data} />
          <BreakdownRow dashboard={dash.data} onUnit={onUnit} />
        </>
      )}

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('program.riskMap')} className="program-card">
            {(risk.error || geo.error) && <Alert type="warning" showIcon title={risk.error ?? geo.error} />}
            {geo.data && risk.data ? (
              <RiskMap geo={geo.data} data={risk.data} onOpen={onUnit} />
            ) : (
              !(risk.error || geo.error) && <PageSpinner />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('program.heatmap')}>
            {heat.error && <Alert type="warning" showIcon title={heat.error} />}
            {heat.data ? <SectionHeatmap data={heat.data} /> : !heat.error && <PageSpinner />}
          </Card>
          <Card size="small" title={t('program.timeline')} style={{ marginTop: 16 }}>
            {timeline.error && <Alert type="warning" showIcon title={timeline.error} />}
            {timeline.data ? <DueTimeline data={timeline.data} /> : !timeline.error && <PageSpinner />}
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('program.overdueList')} style={{ marginTop: 16 }}>
        <TaskList path={`${base}/overdue`} unitId={unitId} tick={live.tick} testId="overdue-list" />
      </Card>
      <Card size="small" title={t('program.atRiskList')} style={{ marginTop: 16 }}>
        <TaskList path={`${base}/at-risk`} unitId={unitId} tick={live.tick} testId="atrisk-list" />
      </Card>
      <Card size="small" title={t('program.myTasks')} style={{ marginTop: 16 }}>
        <TaskList path={`${base}/my-tasks`} tick={live.tick} testId="my-tasks" />
      </Card>
    </div>
  );
}
