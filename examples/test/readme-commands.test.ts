/**
 * Every `npm …` / `npx …` command the READMEs give names something that exists on a fresh clone: an npm script (and
 * the flags its entry file reads), an example, a vitest project, a workspace package, a bin. Nothing is run: the long
 * ones (`npm test`, `npm run bench`) are proven by their own phases; a typo in the README is what this catches.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import vitestConfig from '../../vitest.config.ts';
import { flagsOf, type ShellCommand, shellCommands } from './readme/shell-commands.ts';
import { repoRoot } from './run.ts';

interface PackageJson {
  name: string;
  private?: boolean;
  scripts?: Record<string, string>;
  bin?: Record<string, string>;
  workspaces?: string[];
}

/** Tools a README runs with `npx` that are not dependencies here: npx fetches them from the registry. */
const EXTERNAL_TOOLS = new Set(['wscat']);
/** The npm verbs that run a package.json script (`npm start` runs `scripts.start`). */
const SCRIPT_VERBS = new Set(['run', 'run-script', 'start', 'test', 't', 'stop', 'restart']);
const READMES = ['README.md', 'packages/sdk/README.md', 'packages/ai-sdk/README.md', 'packages/mock/README.md'];
READMES.push('packages/generated/README.md', 'spec/README.md', 'bench/README.md');

const readJson = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as PackageJson;
const root = readJson('package.json');
const workspaces = (root.workspaces ?? []).map((dir) => ({ dir, pkg: readJson(`${dir}/package.json`) }));
const examples = readdirSync(join(repoRoot, 'examples'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .concat('browser');
const projects = (vitestConfig.test?.projects ?? []).flatMap((p) =>
  typeof p === 'object' && 'test' in p && typeof p.test?.name === 'string' ? [p.test.name] : [],
);
const commands = READMES.filter((f) => existsSync(join(repoRoot, f))).flatMap((f) =>
  shellCommands(f, readFileSync(join(repoRoot, f), 'utf8')),
);

/** What is wrong with `command`, or `[]`. */
function problems({ argv }: ShellCommand): string[] {
  return argv[0] === 'npx' ? npxProblems(argv.slice(1)) : npmProblems(argv.slice(1));
}

function npmProblems([verb = '', ...rest]: string[]): string[] {
  if (['ci', 'install', 'i', 'add'].includes(verb))
    return rest.filter(isUnknownOwnPackage).map((p) => `no package ${p}`);
  if (!SCRIPT_VERBS.has(verb)) return []; // npm's own commands (`npm version`, `npm pack`)
  const named = verb === 'run' || verb === 'run-script' ? rest.shift() : verb === 't' ? 'test' : verb;
  if (!named) return []; // `npm run` alone lists the scripts
  const workspaceFlag = rest.findIndex((w) => w === '-w' || w === '--workspace');
  const pkg = workspaceFlag >= 0 ? workspaces.find((w) => w.pkg.name === rest[workspaceFlag + 1])?.pkg : root;
  const script = pkg?.scripts?.[named];
  if (script === undefined) return [`no script "${named}" in ${pkg?.name ?? 'that workspace'}'s package.json`];
  const args = rest.includes('--') ? rest.slice(rest.indexOf('--') + 1) : [];
  const found = flagProblems(args, entryOf(script.split(/\s+/)), named);
  const example = args.find((a) => !a.startsWith('-'));
  if (named === 'example' && example && !example.startsWith('<') && !examples.includes(example))
    found.push(`no example "${example}" (examples/${example}.ts)`);
  return found;
}

function npxProblems([name = '', ...args]: string[]): string[] {
  const bare = name.replace(/(.)@[^/]*$/, '$1');
  const own = workspaces.find((w) => w.pkg.name === bare || Object.hasOwn(w.pkg.bin ?? {}, bare));
  if (own) {
    const bins = Object.values(own.pkg.bin ?? {});
    if (bins.length !== 1) return [`${own.pkg.name} has ${bins.length} bins, not one to run`];
    // The bin is built to dist/; its source is what reads the flags.
    const source = join(own.dir, (bins[0] ?? '').replace(/^(\.\/)?dist\//, 'src/').replace(/\.js$/, '.ts'));
    return flagProblems(args, source, name);
  }
  if (EXTERNAL_TOOLS.has(bare)) return [];
  if (!existsSync(join(repoRoot, 'node_modules', '.bin', bare))) return [`no bin "${bare}" in node_modules/.bin`];
  const project = args.indexOf('--project');
  if (bare === 'vitest' && project >= 0 && !projects.includes(args[project + 1] ?? ''))
    return [`no vitest project "${args[project + 1]}" (${projects.join(', ')})`];
  return [];
}

/** The file a script runs (`tsx scripts/x.ts` → scripts/x.ts), if its command names one. */
function entryOf(words: string[]): string | undefined {
  return words.filter((w) => /\.(m?[jt]s)$/.test(w)).at(-1);
}

/** Flags the entry file never mentions (as `--flag` or `'flag'`): the program would not read them. */
function flagProblems(args: string[], entry: string | undefined, what: string): string[] {
  const flags = flagsOf(args);
  if (flags.length === 0) return [];
  if (!entry) return [`${what} runs no file of this repository whose flags could be checked: ${flags.join(' ')}`];
  const source = readFileSync(join(repoRoot, entry), 'utf8');
  return flags
    .filter((f) => !source.includes(f) && !source.includes(`'${f.slice(2)}'`))
    .map((f) => `${entry} reads no ${f}`);
}

function isUnknownOwnPackage(word: string): boolean {
  const name = word.replace(/(.)@[^/]*$/, '$1');
  return name.startsWith('@minimax-ts/') && !workspaces.some((w) => w.pkg.name === name && !w.pkg.private);
}

describe('README commands', () => {
  it('finds the commands of the READMEs', () => {
    console.log(`README commands: ${commands.length} npm/npx commands checked`);
    expect(commands.filter((c) => c.where.startsWith('README.md:')).length).toBeGreaterThan(40);
    expect(commands.map((c) => c.text)).toContain('npm run example -- chat');
  });

  it('every command names a script, example, project, package or bin that exists', () => {
    const report = commands.flatMap((c) => problems(c).map((p) => `${c.where}: ${c.text}: ${p}`));
    expect(report.join('\n')).toBe('');
  });

  it('catches a script, an example, a flag and a project that do not exist', () => {
    const broken = shellCommands(
      'BROKEN.md',
      [
        '```sh',
        'npm run tpyecheck',
        'npm run example -- no-such-example',
        'npm start -- --no-such-flag # the tour',
        'npx vitest run --project nope',
        '```',
        'Then `MINIMAX_API_KEY=k npx minimax-mock --no-such-option 1`.',
      ].join('\n'),
    );
    expect(broken.map((c) => [c.where, problems(c)])).toEqual([
      ['BROKEN.md:2', ['no script "tpyecheck" in minimax-ts\'s package.json']],
      ['BROKEN.md:3', ['no example "no-such-example" (examples/no-such-example.ts)']],
      ['BROKEN.md:4', ['scripts/start.ts reads no --no-such-flag']],
      ['BROKEN.md:5', [expect.stringMatching(/^no vitest project "nope"/)]],
      ['BROKEN.md:7', ['packages/mock/src/cli.ts reads no --no-such-option']],
    ]);
  });
});
