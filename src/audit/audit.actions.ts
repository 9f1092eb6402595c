// Every kind of audit record the platform writes, with what its before and after
// must hold. audit.actions.test.ts fails on an action written anywhere in the code
// that is not declared here, and on a record that does not hold what its kind needs.
//   change  — a row changed: before and after both, so a reader sees what it was and became
//   create  — a row made: after; before is empty because nothing was there
//   upsert  — set or replaced: after; before whenever there was a previous value; one that changes nothing writes no record
//   delete  — a row removed: before; after is empty
//   event   — something happened that changes no business row (a sign-in, a refused sign-in): after says what
//   summary — a bulk operation whose every row change has its own change/upsert record with before
//             and after (named in `rows`); the summary's after counts them
export type AuditKind = 'change' | 'create' | 'upsert' | 'delete' | 'event' | 'summary';

export interface AuditAction {
  action: string;
  entity: string;
  kind: AuditKind;
  rows?: string;
}

export const AUDIT_ACTIONS: AuditAction[] = [
  // accounts
  { action: 'auth.login', entity: 'user', kind: 'event' },
  { action: 'auth.login_failed', entity: 'user', kind: 'event' },
  { action: 'auth.login_blocked', entity: 'login', kind: 'event' },
  { action: 'auth.logout', entity: 'user', kind: 'delete' },
  { action: 'users.create', entity: 'user', kind: 'create' },
  { action: 'users.deactivate', entity: 'user', kind: 'change' },
  { action: 'users.reactivate', entity: 'user', kind: 'change' },
  { action: 'users.password_reset', entity: 'user', kind: 'change' },
  { action: 'grants.create', entity: 'user', kind: 'change' },
  { action: 'grants.revoke', entity: 'user', kind: 'change' },
  { action: 'tokens.create', entity: 'api_token', kind: 'create' },
  { action: 'tokens.revoke', entity: 'api_token', kind: 'change' },
  // units
  { action: 'units.update', entity: 'unit', kind: 'change' },
  { action: 'units.import', entity: 'dataset', kind: 'upsert' },
  // staffing (allocate, present and the allocations of import and merge are written by the database functions of migration 0008)
  { action: 'staffing.period.create', entity: 'staffing_period', kind: 'create' },
  { action: 'staffing.allocate', entity: 'staffing_allocation', kind: 'change' },
  { action: 'staffing.present', entity: 'staffing_actual', kind: 'change' },
  { action: 'staffing.target.set', entity: 'staffing_target', kind: 'upsert' },
  { action: 'staffing.merge', entity: 'staffing_node', kind: 'change' },
  { action: 'staffing.merge', entity: 'staffing_allocation', kind: 'change' },
  {
    action: 'staffing.import',
    entity: 'staffing_table',
    kind: 'summary',
    rows: 'staffing.import on staffing_allocation, staffing.present on staffing_actual',
  },
  { action: 'staffing.import', entity: 'staffing_allocation', kind: 'change' },
  // people (issue 12): counts only, never personal data, in the audit log (Decree 13/2023)
  {
    action: 'people.import',
    entity: 'people_register',
    kind: 'summary',
    rows: 'counts only: the people themselves are not copied into the audit log (personal data)',
  },
  { action: 'people.list', entity: 'people_register', kind: 'event' },
  { action: 'people.view', entity: 'person', kind: 'event' },
  { action: 'people.export', entity: 'people_register', kind: 'event' },
  { action: 'people.outcome', entity: 'person', kind: 'upsert' },
  { action: 'people.benefit.view', entity: 'person', kind: 'event' },
  { action: 'people.benefit.export', entity: 'person', kind: 'event' },
  // program (its mutations are run through the API by audit.program.test.ts)
  { action: 'program.import', entity: 'program', kind: 'create' },
  { action: 'program.annual_report.request', entity: 'program', kind: 'event' },
  { action: 'program.demo.reports', entity: 'program', kind: 'summary', rows: 'demo data only' },
  {
    action: 'program.tasklist.import',
    entity: 'program',
    kind: 'summary',
    rows: 'program.task.add and program.task.adjust',
  },
  { action: 'program.task.add', entity: 'task', kind: 'create' },
  { action: 'program.task.adjust', entity: 'task', kind: 'change' },
  { action: 'program.task.cancel', entity: 'task', kind: 'change' },
  { action: 'program.task.cascade', entity: 'task', kind: 'change' },
  { action: 'program.report.submit', entity: 'task_report', kind: 'create' },
  { action: 'program.report.edit', entity: 'task_report', kind: 'change' },
  { action: 'program.report.accept', entity: 'task_report', kind: 'change' },
  { action: 'program.report.return', entity: 'task_report', kind: 'change' },
  { action: 'program.warning.acknowledge', entity: 'program_warning', kind: 'change' },
  { action: 'program.warning.resolve', entity: 'program_warning', kind: 'change' },
  { action: 'program.settings', entity: 'program', kind: 'change' },
  { action: 'program.holiday.set', entity: 'public_holiday', kind: 'upsert' },
  { action: 'program.change_request.create', entity: 'task_change_request', kind: 'create' },
  { action: 'program.change_request.approve', entity: 'task_change_request', kind: 'change' },
  { action: 'program.change_request.refuse', entity: 'task_change_request', kind: 'change' },
  { action: 'program.change_request.withdraw', entity: 'task_change_request', kind: 'change' },
  { action: 'program.notification.read', entity: 'notification', kind: 'change' },
  // channel: consultations and the satisfaction index (run through the API by audit.actions.test.ts)
  { action: 'channel.consultation.create', entity: 'consultation', kind: 'create' },
  { action: 'channel.consultation.participate', entity: 'consultation_participant', kind: 'upsert' },
  { action: 'channel.consultation.confirm', entity: 'consultation_participant', kind: 'change' },
  { action: 'channel.consultation.group', entity: 'consultation_group', kind: 'create' },
  { action: 'channel.consultation.answer', entity: 'consultation_group', kind: 'change' },
  { action: 'channel.satisfaction.answer', entity: 'satisfaction_survey', kind: 'create' },
  // indicators (issue 14): definitions, figures (a revision is a new row), acceptance, targets (a version a decision), shares
  { action: 'indicators.define', entity: 'indicator', kind: 'upsert' },
  { action: 'indicators.value.record', entity: 'indicator_value', kind: 'create' },
  { action: 'indicators.value.accept', entity: 'indicator_value', kind: 'change' },
  {
    action: 'indicators.values.import',
    entity: 'indicator_values',
    kind: 'summary',
    rows: 'indicators.value.record on indicator_value',
  },
  { action: 'indicators.target.set', entity: 'indicator_target', kind: 'upsert' },
  {
    action: 'indicators.targets.import',
    entity: 'indicator_targets',
    kind: 'summary',
    rows: 'indicators.target.set on indicator_target',
  },
  { action: 'indicators.share.set', entity: 'indicator_share', kind: 'upsert' },
  // leader capacity scores (issue 14 items 5–6): a run stores new score rows (never overwritten); a view of a
  // score is personal data and is audited; assessments and exemptions come with their decision
  { action: 'scores.compute', entity: 'leader_score_run', kind: 'create' },
  { action: 'scores.view', entity: 'leader_score', kind: 'event' },
  { action: 'scores.leader.create', entity: 'leader', kind: 'create' },
  { action: 'scores.assessment.record', entity: 'leader_assessment', kind: 'create' },
  { action: 'scores.exemption.record', entity: 'score_exemption', kind: 'create' },
  // handover (issue 11): opening from the registry, inventory lines, the workflow, the minutes
  { action: 'handover.open', entity: 'handover_opening', kind: 'create' },
  { action: 'handover.line.add', entity: 'handover_line', kind: 'create' },
  { action: 'handover.line.remove', entity: 'handover_line', kind: 'delete' },
  { action: 'handover.submit', entity: 'handover', kind: 'change' },
  { action: 'handover.line.count', entity: 'handover_line', kind: 'change' },
  { action: 'handover.minutes.create', entity: 'handover_minutes', kind: 'create' },
  { action: 'handover.minutes.sign', entity: 'handover_minutes', kind: 'change' },
  { action: 'handover.close', entity: 'handover', kind: 'change' },
  { action: 'handover.correct', entity: 'handover', kind: 'change' },
  // handover sheets (issue 11, item 5): an import writes its lines in one statement per chunk; its record names the id range
  { action: 'handover.lines.import', entity: 'handover', kind: 'create' },
  { action: 'handover.lines.export', entity: 'handover', kind: 'event' },
  // channel: feedback (issue 13)
  { action: 'feedback.submit', entity: 'feedback_item', kind: 'create' },
  { action: 'feedback.assign', entity: 'feedback_item', kind: 'change' },
  { action: 'feedback.start', entity: 'feedback_item', kind: 'change' },
  { action: 'feedback.answer', entity: 'feedback_item', kind: 'change' },
  { action: 'feedback.forward', entity: 'feedback_item', kind: 'change' },
  { action: 'feedback.close', entity: 'feedback_item', kind: 'change' },
  { action: 'feedback.reopen', entity: 'feedback_item', kind: 'change' },
  { action: 'feedback.rate', entity: 'feedback_item', kind: 'change' },
  { action: 'feedback.contact.view', entity: 'feedback_item', kind: 'event' },
  // channel: the standing office's questions (issue 13, item 3)
  { action: 'questions.ask', entity: 'office_question', kind: 'create' },
  { action: 'questions.draft', entity: 'office_question', kind: 'change' },
  { action: 'questions.accept', entity: 'office_question', kind: 'change' },
  { action: 'questions.return', entity: 'office_question', kind: 'change' },
  { action: 'questions.publish', entity: 'office_question', kind: 'change' },
];

export const auditActionOf = (action: string, entity: string) =>
  AUDIT_ACTIONS.find((a) => a.action === action && a.entity === entity);
