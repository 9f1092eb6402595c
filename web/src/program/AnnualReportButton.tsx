// "Xuất báo cáo năm": starts the annual report as a background job (POST /api/program/annual-reports),
// shows its progress from GET /api/jobs/:id, and offers the file (GET /api/jobs/:id/result) when done.
import { useEffect, useState } from 'react';
import { Button, Flex, Popover, Progress, Radio, Typography } from 'antd';
import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api';
import { useAuth } from '../auth/AuthContext';

import type { Answer } from '../../../src/platform/schemas.ts';
import type { JobStatus as JobStatusSchema } from '../../../src/platform/jobs/jobs.schemas.ts';

/** POST /api/program/annual-reports (202) and GET /api/jobs/:id: the job as the server's schema declares it. */
type JobStatus = Answer<typeof JobStatusSchema>;

export function AnnualReportButton({ programCode }: { programCode: string }) {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const [format, setFormat] = useState<'docx' | 'xlsx'>('docx');
  const [job, setJob] = useState<JobStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const year = new Date().getFullYear();
  const running = job !== null && job.state !== 'done' && job.state !== 'failed';

  useEffect(() => {
    if (!job || !running) return;
    const timer = setTimeout(() => {
      api.get<JobStatus>(`/api/jobs/${job.id}`).then(setJob, (err) => setError(errorMessage(err)));
    }, 700);
    return () => clearTimeout(timer);
  }, [job, running]);

  // Shown when the server's policy lets the user's roles ask for the annual report; the server still decides.
  if (!user?.can.includes('program.annual')) return null;
  const start = async () => {
    setError(null);
    try {
      setJob(await api.post<JobStatus>('/api/program/annual-reports', { year, program: programCode, format }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const words = (m: { vi: string; en: string } | null) => (m ? (i18n.language.startsWith('en') ? m.en : m.vi) : '');
  const percent = job && job.progress.total ? Math.round((100 * job.progress.done) / job.progress.total) : 0;
  const content = (
    <Flex vertical gap={8} style={{ width: 300 }} data-testid="annual-report-panel">
      <Radio.Group
        value={format}
        onChange={(e) => setFormat(e.target.value)}
        disabled={running}
        options={[
          { value: 'docx', label: 'Word (.docx)' },
          { value: 'xlsx', label: 'Excel (.xlsx)' },
        ]}
      />
      <Button type="primary" onClick={start} loading={running} data-testid="annual-report-start">
        {t('program.annualReport.start', { year })}
      </Button>
      {job && (
        <>
          <Progress
            percent={percent}
            status={job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : 'active'}
            data-testid="annual-report-progress"
          />
          <Typography.Text type="secondary">{words(job.progress.phrase)}</Typography.Text>
          {job.error && <Typography.Text type="danger">{words(job.error)}</Typography.Text>}
          {job.state === 'done' && job.result && (
            <a href={`/api/jobs/${job.id}/result`} download={job.result.fileName} data-testid="annual-report-download">
              <Button icon={<DownloadOutlined />}>
                {t('program.annualReport.download', { name: job.result.fileName })}
              </Button>
            </a>
          )}
        </>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Flex>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('program.annualReport.title', { year })}
      content={content}
    >
      <Button icon={<FileTextOutlined />} data-testid="annual-report-button">
        {t('program.annualReport.button')}
      </Button>
    </Popover>
  );
}
