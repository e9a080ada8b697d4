// The command lines of `pnpm bench` and `pnpm loadtest`: `--name=value` or `--name value`, each
// also read from `<PREFIX>_<NAME>` in the environment, unknown names refused, --help printed.
export interface CommandLine {
  /** The value given on the command line, else in the environment. */
  get: (name: string) => string | undefined;
  /** Given on the command line (not the environment). */
  given: (name: string) => string | undefined;
  /** A whole number from `min` to `max` (underscores allowed: 100_000), or `fallback` when absent. */
  int: (name: string, fallback: number, min: number, max?: number) => number;
  /** The same, or undefined when absent. */
  optionalInt: (name: string, min: number, max?: number) => number | undefined;
  /** An option that takes no value (`--fresh`), or true/1/yes in the environment. */
  flag: (name: string) => boolean;
}

export function parseCommandLine(
  argv: string[],
  env: NodeJS.ProcessEnv,
  { help, envPrefix, known, flags = [] }: { help: string; envPrefix: string; known: readonly string[]; flags?: readonly string[] },
): CommandLine {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') {
      console.log(help);
      process.exit(0);
    }
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unexpected argument ${JSON.stringify(arg)}\n${help}`);
    const [, name, inline] = match;
    given.set(name!, inline ?? (flags.includes(name!) ? 'true' : (argv[++i] ?? '')));
  }
  for (const name of given.keys()) if (!known.includes(name)) throw new Error(`Unknown option --${name}\n${help}`);
  const get = (name: string) => given.get(name) ?? env[`${envPrefix}_${name.toUpperCase().replace(/-/g, '_')}`];
  const optionalInt = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const raw = get(name);
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`--${name} must be an integer ${max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`} (got ${raw})`);
    }
    return value;
  };
  return {
    get,
    given: (name) => given.get(name),
    int: (name, fallback, min, max) => optionalInt(name, min, max) ?? fallback,
    optionalInt,
    flag: (name) => ['true', '1', 'yes'].includes(get(name) ?? ''),
  };
}
