// The heading of a program's pages (dashboard and content): title, program
// picker, the review queue (with its count), inbox and the live-update indicator, then the tabs.
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { InboxLink } from './InboxLink';
import { ReviewQueueLink } from './ReviewQueueLink';
import { LiveIndicator } from './LiveIndicator';
import { ProgramPicker } from './ProgramPicker';
import { AnnualReportButton } from './AnnualReportButton';
import { ProgramTabs } from './admin/ProgramTabs';
import type { Program } from './types';
import type { useProgramEvents } from './useProgramEvents';

interface Props {
  programs: Program[];
  programId: number;
  onProgram: (id: number) => void;
  live: ReturnType<typeof useProgramEvents>;
  active: 'dashboard' | 'content';
}

export function ProgramHeader({ programs, programId, onProgram, live, active }: Props) {
  const { t } = useTranslation();
  const code = programs.find((p) => p.id === programId)?.code;
  return (
    <>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Title level={2} className="page-title program-title" style={{ marginBottom: 0 }}>
          {t('program.title')}
        </Typography.Title>
        <Flex wrap gap={12} align="center">
          <ProgramPicker programs={programs} value={programId} onChange={onProgram} />
          {code && <AnnualReportButton programCode={code} />}
          <ReviewQueueLink tick={live.tick} />
          <InboxLink tick={live.tick} />
          <LiveIndicator live={live} />
        </Flex>
      </Flex>
      <ProgramTabs active={active} />
    </>
  );
}
