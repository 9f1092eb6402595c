// Answers of the platform's own routes (/health, /ready): probes, outside /api and the OpenAPI document.
import { z } from 'zod';

export const HealthAnswer = z.object({ status: z.literal('ok') });
export const ReadyAnswer = z.object({
  status: z.literal('ready'),
  engine: z.enum(['pglite', 'postgres']),
  migrations: z.number().int(),
});
