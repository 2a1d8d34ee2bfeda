/**
 * Bundle size: esbuild, minified, one file (no code splitting: what Workers and edge functions deploy), then gzip
 * (level 9). Two entries per library — a chat-only import (the client plus one chat call) and the whole package —
 * built the same way for everyone; ours also on esbuild's `neutral` platform, and with the opt-in validation entry.
 * Nothing is marked external: zod must stay out of our bundles unless the application imports
 * `@minimax-ts/sdk/validation`. Workspace packages resolve to their TypeScript sources
 * (`conditions: ['@minimax-ts/source']`).
 */

import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { ROOT } from '../lib/paths.mjs';
import { parseArgs, report } from '../lib/stats.mjs';

parseArgs();
const chat = "{ model: 'MiniMax-M2', messages: [{ role: 'user', content: 'Hi' }] }";
const CHAT_ONLY = `import { MiniMaxChat } from '@minimax-ts/sdk/chat';
const mm = new MiniMaxChat({ apiKey: 'k', dangerouslyAllowBrowser: true });
export const run = () => mm.chat.create(${chat});`;
const WHOLE = `export * from '@minimax-ts/sdk';`;

const entries = [
  { name: '@minimax-ts/sdk', variant: 'chat-only', code: CHAT_ONLY },
  { name: '@minimax-ts/sdk', variant: 'chat-only (neutral)', platform: 'neutral', code: CHAT_ONLY },
  {
    name: '@minimax-ts/sdk',
    variant: 'chat via the full client',
    code: `import { MiniMax } from '@minimax-ts/sdk';
const mm = new MiniMax({ apiKey: 'k', dangerouslyAllowBrowser: true });
export const run = () => mm.chat.create(${chat});`,
  },
  { name: '@minimax-ts/sdk', variant: 'whole', code: WHOLE },
  { name: '@minimax-ts/sdk', variant: 'whole (neutral)', platform: 'neutral', code: WHOLE },
  {
    name: '@minimax-ts/sdk',
    variant: 'whole + validation entry',
    code: `${WHOLE}\nexport { zodValidator } from '@minimax-ts/sdk/validation';`,
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
      platform: entry.platform ?? 'browser',
      // The neutral platform has no default main fields; these are what a Worker or edge build uses.
      ...(entry.platform === 'neutral' ? { mainFields: ['module', 'main'] } : {}),
      target: 'es2022',
      conditions: ['@minimax-ts/source'],
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const code = result.outputFiles[0].contents;
    const inputs = Object.entries(result.metafile.outputs)[0][1].inputs;
    const zod = Object.keys(inputs).some((path) => /(^|\/)zod\/|zod\.gen\.ts$/.test(path));
    const largest = Object.entries(inputs)
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
      .slice(0, 8)
      .map(([path, info]) => ({ path: path.replace(/^.*node_modules\//, ''), bytes: info.bytesInOutput }));
    return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, zod, largest };
  } catch (error) {
    const first = error.errors?.[0];
    const reason = first ? `${first.text}${first.location ? ` (${first.location.file})` : ''}` : String(error);
    return { error: reason, errorCount: error.errors?.length ?? 1 };
  }
}

const results = [];
for (const entry of entries) results.push({ name: entry.name, variant: entry.variant, ...(await build(entry)) });
report({ results });
