/**
 * A real npm registry for the release test: Verdaccio on a free port of 127.0.0.1, its storage and users in a temp
 * folder, and **no uplinks**, so it serves only what the test publishes and never reaches the internet. One user is
 * registered through the same endpoint `npm adduser` uses; its token goes into the temp `.npmrc` that publishes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startDaemon } from './child-process.ts';

/** A running registry. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/`, with the trailing slash npm writes in `.npmrc`. */
  url: string;
  /** `//127.0.0.1:<port>/`: the key prefix of its settings in an `.npmrc`. */
  nerfDart: string;
  /** A publish token of the registered user. */
  token: string;
  stop(): Promise<void>;
}

const CONFIG = `# Written by scripts/release/registry.ts: a throwaway registry with no uplinks.
storage: ./storage
auth:
  htpasswd:
    file: ./htpasswd
    max_users: 1
uplinks: {}
packages:
  '**':
    access: $all
    publish: $authenticated
    unpublish: $authenticated
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;

const USER = { name: 'release-test', password: 'release-test-password' };

/** Starts Verdaccio with its files under `dir` and registers the publishing user. */
export async function startRegistry(options: {
  dir: string;
  repoRoot: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}): Promise<LocalRegistry> {
  const config = join(options.dir, 'config.yaml');
  await writeFile(config, CONFIG);
  const daemon = await startDaemon(
    process.execPath,
    ['--import', 'tsx', join(options.repoRoot, 'scripts/release/registry-server.ts'), config],
    {
      cwd: options.repoRoot,
      env: options.env,
      timeoutMs: options.timeoutMs,
      ready: /registry listening on (http:\/\/127\.0\.0\.1:\d+\/)/,
    },
  );
  try {
    const url = daemon.match[1]!;
    return { url, nerfDart: url.replace(/^http:/, ''), token: await addUser(url), stop: daemon.stop };
  } catch (error) {
    await daemon.stop();
    throw error;
  }
}

/** `npm adduser`'s request: creates the user and answers with a token. */
async function addUser(url: string): Promise<string> {
  const response = await fetch(new URL(`-/user/org.couchdb.user:${USER.name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...USER, type: 'user', roles: [], date: new Date().toISOString() }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) {
    throw new Error(`the registry refused to add a user: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  return body.token;
}
