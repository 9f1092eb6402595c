// Runs CLI commands inside a test: what they print to stdout and stderr, and
// the exit code they set, without spawning a process.
import { vi } from 'vitest';
import { Command } from 'commander';

export async function runCli(
  register: (program: Command) => void,
  ...args: string[]
): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  vi.spyOn(console, 'log').mockImplementation((...a) => {
    out.push(a.join(' ') + '\n');
  });
  vi.spyOn(console, 'error').mockImplementation((...a) => {
    err.push(a.join(' ') + '\n');
  });
  const program = new Command('apparatus').exitOverride();
  register(program);
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'apparatus', ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join(''), err: err.join(''), code };
}
