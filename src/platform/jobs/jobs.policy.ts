// Who may see a background job: the user who asked for it, and system administrators (on: 'self').
import { definePolicy } from '../policy/policy.ts';

export const JOBS = definePolicy({
  'jobs.read': {
    who: 'signed-in',
    on: 'self',
    writes: false,
    what: {
      vi: 'Xem tiến độ và tải kết quả công việc nền của chính mình',
      en: "See the progress of one's own background jobs and download their results",
    },
  },
});
