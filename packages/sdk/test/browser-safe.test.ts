import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The SDK's runtime code must run in browsers and edge runtimes: no Node built-in modules and no bare
// Node globals. Feature detection (`globalThis.Buffer`) is fine. Node-only entry points (`node.ts`,
// anything under a `node/` folder) are exempt by design.
const root = new URL('../src/', import.meta.url);
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .map((file) => file.replaceAll('\\', '/'))
  .filter((file) => file.endsWith('.ts') && !/(^|\/)node(\.ts|\/)/.test(file));

const NODE_ONLY = [
  /\bfrom\s+['"]node:/,
  /\bimport\(\s*['"]node:/,
  /(?<![.\w])require\(/,
  /(?<![.\w])Buffer\s*\./,
  /(?<![.\w])process\s*\./,
  /(?<![.\w])(?:setImmediate|__dirname|__filename)\b/,
];

/** Drops comment lines (TSDoc examples mention `process.stdout` and the like). */
const code = (source: string): string => source.replace(/^\s*(?:\/\/|\/\*|\*).*$/gm, '');

describe('runtime code is browser-safe', () => {
  it.each(files)('%s uses no Node built-ins or globals', (file) => {
    const source = code(readFileSync(new URL(file, root), 'utf8'));
    for (const pattern of NODE_ONLY) expect(source, `${file} matches ${pattern}`).not.toMatch(pattern);
  });

  it('catches what it is meant to catch', () => {
    const bad = [
      "import { inspect } from 'node:util';",
      'const b = Buffer.from(x);',
      'if (process.env.X) {}',
      'setImmediate(f);',
    ];
    for (const line of bad)
      expect(
        NODE_ONLY.some((pattern) => pattern.test(code(line))),
        line,
      ).toBe(true);
    const fine = [
      'const B = (globalThis as { Buffer?: T }).Buffer;',
      ' * process.stdout.write(x)',
      'NodeBuffer.from(x)',
    ];
    for (const line of fine)
      expect(
        NODE_ONLY.some((pattern) => pattern.test(code(line))),
        line,
      ).toBe(false);
  });
});
