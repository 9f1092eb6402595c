// A refusal or error from the server, shown as the server worded it
// (problem+json title and detail, in the user's language).
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api';

export interface ShownProblem {
  status: number;
  title: string | null;
  detail: string;
  type: string;
  extra: Record<string, unknown>;
}

export function problemOf(err: unknown): ShownProblem {
  if (err instanceof ApiError) {
    const p = (err.problem ?? {}) as Record<string, unknown>;
    return {
      status: err.status,
      title: (p.title as string | undefined) ?? null,
      detail: err.message,
      type: String(p.type ?? ''),
      extra: p,
    };
  }
  return { status: 0, title: null, detail: errorMessage(err), type: '', extra: {} };
}

/** The deadline phrase could not be read (DeadlineParseError in src/program/parse/deadline.ts). */
export const isDeadlineProblem = (p: ShownProblem) => p.type.endsWith('/deadline-parse');

export function ProblemAlert({ problem, testId }: { problem: ShownProblem | null; testId?: string }) {
  const { t } = useTranslation();
  if (!problem) return null;
  const refused = problem.status === 403;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={testId}
      data-status={problem.status}
      title={problem.title ?? (refused ? t('program.admin.refused') : t('program.admin.failed'))}
      description={problem.detail}
    />
  );
}
