import { format, langFromLocale, type Lang } from '../core/i18n/messages';
import { version } from '../../package.json';
import { checkCommand, printable, type Io } from './check';
import { profileFromEnv } from './profile';

/** The environment's language: LC_ALL, LC_MESSAGES, LANG, LANGUAGE, in POSIX order. */
export function envLang(env: NodeJS.ProcessEnv): Lang {
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE);
}

/** Entry of the `qa-articles` command. Returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const profile = profileFromEnv(io.env);
  const lang = envLang(io.env);
  const [cmd, ...rest] = argv;
  const langArg = rest.find((a, i) => a.startsWith('--lang=') || rest[i - 1] === '--lang');
  const l: Lang = langArg === 'sv' || langArg === '--lang=sv' ? 'sv' : langArg === 'en' || langArg === '--lang=en' ? 'en' : lang;
  switch (cmd) {
    case 'check':
      return checkCommand(rest, io, l, profile);
    case 'preview': {
      // The renderer (markdown-it) loads only for this command: `check` never pays for it.
      const { previewCommand } = require('./preview') as typeof import('./preview');
      return previewCommand(rest, io, l);
    }
    case '--help':
    case '-h':
    case 'help':
      io.stdout(format(l, 'cli-help') + '\n');
      return 0;
    case '--version':
      io.stdout(version + '\n');
      return 0;
    default:
      io.stderr((cmd ? format(l, cmd.startsWith('-') ? 'cli-bad-option' : 'cli-unknown-command', printable(cmd)) + '\n' : '') + format(l, 'cli-usage') + '\n');
      return 2;
  }
}

/** Runs the CLI in this process: arguments, streams and exit code. */
export function cliEntry(): void {
  // A closed pipe (`| head`) ends the output, not the program with a stack trace.
  for (const s of [process.stdout, process.stderr]) s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : undefined));
  const io: Io = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: !!process.stdout.isTTY,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`qa-articles: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

// Run when the bundle itself is the program (`node dist/cli.js …`); bin/qa-articles.js calls cliEntry().
if (require.main === module) cliEntry();
