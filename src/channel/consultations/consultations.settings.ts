// Settings of consultations, from the environment (read here so the module carries its own, as feedback does):
// how long an e-mailed confirmation code stays valid. A code that never expires lets a leaked or forwarded
// e-mail confirm a participation months later; a day is enough to read one's mail.
export interface ConsultationSettings {
  codeHours: number;
}

export function consultationSettings(overrides: Partial<ConsultationSettings> = {}): ConsultationSettings {
  const raw = process.env.APPARATUS_CONSULTATION_CODE_HOURS;
  let codeHours = 24;
  if (raw !== undefined && raw !== '') {
    codeHours = Number(raw);
    if (!Number.isInteger(codeHours) || codeHours < 1 || codeHours > 24 * 30)
      throw new Error(`APPARATUS_CONSULTATION_CODE_HOURS must be a whole number from 1 to 720, got "${raw}"`);
  }
  return { codeHours, ...overrides };
}
