/**
 * Bundle size: esbuild, browser platform, minified, then gzip (level 9). Two entries per library — a chat-only
 * import (the client plus one chat call) and the whole package — built the same way for everyone. Workspace
 * packages resolve to their TypeScript sources (`conditions: ['@minimax-ts/source']`). "Without validation" marks
 * `@minimax-ts/generated/zod` external: it is only loaded by a dynamic import when `validate` is not 'off'.
 */

import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { ROOT } from '../lib/paths.mjs';
import { parseArgs, report } from '../lib/stats.mjs';

parseArgs();
const ZOD = '@minimax-ts/generated/zod';
const chat = "{ model: 'MiniMax-M2', messages: [{ role: 'user', content: 'Hi' }] }";

const entries = [
  {
    name: '@minimax-ts/sdk',
    variant: 'chat-only',
    external: [ZOD],
    code: `import { MiniMaxChat } from '@minimax-ts/sdk/chat';
const mm = new MiniMaxChat({ apiKey: 'k', dangerouslyAllowBrowser: true });
export const run = () => mm.chat.create(${chat});`,
  },
  {
    name: '@minimax-ts/sdk',
    variant: 'chat via the full client',
    external: [ZOD],
    code: `import { MiniMax } from '@minimax-ts/sdk';
const mm = new MiniMax({ apiKey: 'k', dangerouslyAllowBrowser: true });
export const run = () => mm.chat.create(${chat});`,
  },
  {
    name: '@minimax-ts/sdk',
    variant: 'whole, no validation',
    external: [ZOD],
    code: `export * from '@minimax-ts/sdk';`,
  },
  {
    name: '@minimax-ts/sdk',
    variant: 'whole, with validation',
    external: [],
    code: `export * from '@minimax-ts/sdk';`,
  },
  {
    name: 'openai',
    variant: 'chat-only',
    code: `import OpenAI from 'openai';
const client = new OpenAI({ apiKey: 'k', dangerouslyAllowBrowser: true });
export const run = () => client.chat.completions.create(${chat});`,
  },
  { name: 'openai', variant: 'whole', code: `export * from 'openai'; export { default } from 'openai';` },
  {
    name: '@anthropic-ai/sdk',
    variant: 'chat-only',
    code: `import Anthropic from '@anthropic-ai/sdk';
const client = new Anthropic({ apiKey: 'k', dangerouslyAllowBrowser: true });
export const run = () => client.messages.create({ ...${chat}, max_tokens: 1024 });`,
  },
  {
    name: '@anthropic-ai/sdk',
    variant: 'whole',
    code: `export * from '@anthropic-ai/sdk'; export { default } from '@anthropic-ai/sdk';`,
  },
  {
    name: 'mmx-cli/sdk',
    variant: 'chat-only',
    code: `import { MiniMaxSDK } from 'mmx-cli/sdk';
const sdk = new MiniMaxSDK({ apiKey: 'k' });
export const run = () => sdk.text.chat({ ...${chat}, max_tokens: 1024 });`,
  },
  { name: 'mmx-cli/sdk', variant: 'whole', code: `export * from 'mmx-cli/sdk';` },
];

async function build(entry) {
  try {
    const result = await esbuild.build({
      stdin: { contents: entry.code, resolveDir: ROOT, sourcefile: 'entry.js', loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: ['@minimax-ts/source'],
      external: entry.external ?? [],
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const code = result.outputFiles[0].contents;
    const inputs = Object.entries(result.metafile.outputs)[0][1].inputs;
    const largest = Object.entries(inputs)
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
      .slice(0, 8)
      .map(([path, info]) => ({ path: path.replace(/^.*node_modules\//, ''), bytes: info.bytesInOutput }));
    return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, largest };
  } catch (error) {
    const first = error.errors?.[0];
    const reason = first ? `${first.text}${first.location ? ` (${first.location.file})` : ''}` : String(error);
    return { error: reason, errorCount: error.errors?.length ?? 1 };
  }
}

const results = [];
for (const entry of entries) results.push({ name: entry.name, variant: entry.variant, ...(await build(entry)) });
report({ results });
