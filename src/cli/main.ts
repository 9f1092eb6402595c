// `apparatus` command line. Each command opens the configured database
// (PGlite in APPARATUS_DATA_DIR, or DATABASE_URL), migrates it, and runs.
import { Command, Option } from 'commander';
import { registerUnitCommands } from './units.commands.ts';
import { registerAdminCommands } from './admin.commands.ts';
import { registerProgramParseCommands } from './program-parse.commands.ts';
import { saveProgramDocument } from './program-import.ts';
import { registerProgramCommands } from './program.commands.ts';
import { registerStaffingCommands } from './staffing.commands.ts';
import { registerIndicatorCommands } from './indicators.commands.ts';
import { registerScoreCommands } from './scores.commands.ts';
import { registerHandoverCommands } from './handover.commands.ts';
import { serve } from './serve.ts';
import { registerPeopleCommands } from './people.commands.ts';
import { registerPeopleRegisterCommands } from './people-register.commands.ts';
// the public channel (issue 13): feedback; consultations and the satisfaction index
import { registerFeedbackCommands } from './feedback.commands.ts';
import { registerChannelCommands } from './channel.commands.ts';
import { registerQuestionsCommands } from './questions.commands.ts';

const program = new Command('apparatus')
  .description(
    'Apparatus: đơn vị hành chính, lịch sử sắp xếp, chương trình hành động / administrative units, reorganisation history, action programs',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the web server (API and web app)')
  .option('--demo', 'load the Vietnam reference data and demo users', false)
  .addOption(new Option('--port <port>', 'port to listen on').env('PORT'))
  .action(async (opts) => {
    await serve({ demo: Boolean(opts.demo), port: opts.port ? Number(opts.port) : undefined });
  });

registerUnitCommands(program);
registerAdminCommands(program);
registerProgramParseCommands(program, saveProgramDocument);
registerProgramCommands(program);
registerStaffingCommands(program);
registerPeopleCommands(program);
registerPeopleRegisterCommands(program);
registerFeedbackCommands(program);
registerChannelCommands(program);
registerQuestionsCommands(program);
registerIndicatorCommands(program);
registerScoreCommands(program);
registerHandoverCommands(program);

await program.parseAsync(process.argv);
