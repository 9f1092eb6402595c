// Collects reconciliation findings. Loading never throws on bad data: every surprise becomes an
// issue with the file and line a person can open, so nothing is hidden and nothing is dropped.

import type { IssueSeverity, VnIssue } from './vn-types.ts';

export class IssueLog {
  readonly issues: VnIssue[] = [];

  add(
    code: string,
    severity: IssueSeverity,
    file: string,
    line: number | null,
    message: string,
    data?: Record<string, unknown>,
  ): void {
    this.issues.push(data ? { code, severity, file, line, message, data } : { code, severity, file, line, message });
  }

  countByCode(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const i of this.issues) out[i.code] = (out[i.code] ?? 0) + 1;
    return out;
  }
}

/** 'file:line' or just 'file' when the line is unknown (JSON files). */
export function sourceRef(file: string, line: number | null): string {
  return line == null ? file : `${file}:${line}`;
}
