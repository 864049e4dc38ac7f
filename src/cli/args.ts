/** Parsed command-line options of `qa-articles check`. */
export interface CheckArgs {
  paths: string[];
  root?: string;
  schema?: string;
  format: 'text' | 'json';
  maxWarnings?: number;
  lang?: string;
  color?: boolean;
  /** Reuse the results of files unchanged since the last `--cache` run. */
  cache?: boolean;
  /** Apply every safe fix and write the files that change. */
  fix?: boolean;
  cacheLocation?: string;
  /** Record the current warnings as the project's baseline. */
  baselineUpdate?: boolean;
  /** Report every warning, the baseline's too. */
  noBaseline?: boolean;
  /** `--help` / `-h`: print the usage, check nothing. */
  help?: boolean;
}

export class UsageError extends Error {
  constructor(readonly key: 'cli-bad-option' | 'cli-bad-value' | 'cli-missing-value' | 'cli-flag-value', readonly args: string[]) {
    super(args.join(' '));
  }
}

/** Parses `check` arguments; `--opt value` and `--opt=value` both work. */
export function parseCheckArgs(argv: string[]): CheckArgs {
  const out: CheckArgs = { paths: [], format: 'text' };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = (): string => {
      // The next word is the value, unless it is the next option (`--root --lang sv`: the folder was left out).
      const next = argv[i + 1];
      const v = inline ?? (next?.startsWith('--') ? undefined : argv[++i]);
      if (v === undefined || v === '') throw new UsageError('cli-missing-value', [a]);
      return v;
    };
    // A switch takes no value: `--fix=no` must not fix (nor `--cache=false` use the cache).
    const flag = (): true => {
      if (inline !== undefined) throw new UsageError('cli-flag-value', [a, `${a}=${inline}`]);
      return true;
    };
    switch (a) {
      case '--help':
      case '-h':
        out.help = true;
        break;
      case '--root':
        out.root = value();
        break;
      case '--schema':
        out.schema = value();
        break;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError('cli-bad-value', [a, v]);
        out.format = v;
        break;
      }
      case '--max-warnings': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError('cli-bad-value', [a, v]);
        out.maxWarnings = Number(v);
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'en' && v !== 'sv') throw new UsageError('cli-bad-value', [a, v]);
        out.lang = v;
        break;
      }
      case '--cache':
        out.cache = flag();
        break;
      case '--fix':
        out.fix = flag();
        break;
      case '--cache-location':
        out.cacheLocation = value();
        out.cache = true;
        break;
      case '--baseline-update':
        out.baselineUpdate = flag();
        break;
      case '--no-baseline':
        out.noBaseline = flag();
        break;
      case '--color':
        out.color = flag();
        break;
      case '--no-color':
        out.color = !flag();
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError('cli-bad-option', [a]);
        out.paths.push(a);
    }
  }
  return out;
}
