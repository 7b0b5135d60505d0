/** The command line every importer takes: one input file, and the same four options. */
import { parseArgs } from 'node:util';

export interface ImportArgs {
  file: string | undefined;
  data: string | undefined;
  asOf: string | undefined;
  keepGoing: boolean;
  dryRun: boolean;
}

export const importUsage = (command: string, input: string): string =>
  `usage: npm run ${command} -- <${input}> [--data <dir>] [--as-of YYYY-MM-DD] [--keep-going] [--dry-run]`;

export function parseImportArgs(argv?: string[]): ImportArgs {
  const { values, positionals } = parseArgs({
    ...(argv ? { args: argv } : {}),
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      'as-of': { type: 'string' },
      'keep-going': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  return { file: positionals[0], data: values.data, asOf: values['as-of'], keepGoing: values['keep-going'] ?? false, dryRun: values['dry-run'] ?? false };
}
