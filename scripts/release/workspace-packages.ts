/**
 * Which workspace packages a release publishes: every one without `"private": true`, read from the root
 * `package.json` workspaces, so a package that becomes public (the mock) is published without touching the test.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The parts of a package.json the release test reads. */
export interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  bin?: string | Record<string, string>;
  exports?: Record<string, unknown>;
  files?: string[];
  workspaces?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** A workspace package: its folder relative to the repository root, and its manifest. */
export interface WorkspacePackage {
  dir: string;
  manifest: PackageJson;
}

export async function readPackageJson(path: string): Promise<PackageJson> {
  return JSON.parse(await readFile(path, 'utf8')) as PackageJson;
}

/** Every workspace package, in the root manifest's order. */
export async function workspacePackages(root: string): Promise<WorkspacePackage[]> {
  const rootManifest = await readPackageJson(join(root, 'package.json'));
  const dirs = rootManifest.workspaces ?? [];
  return Promise.all(
    dirs.map(async (dir) => ({ dir, manifest: await readPackageJson(join(root, dir, 'package.json')) })),
  );
}

/** The packages a release publishes. */
export async function publicPackages(root: string): Promise<WorkspacePackage[]> {
  return (await workspacePackages(root)).filter((p) => p.manifest.private !== true);
}

/** The names of a manifest's bins (`"bin": "x.js"` is named after the package, without its scope). */
export function binNames(manifest: PackageJson): string[] {
  if (typeof manifest.bin === 'string') return [manifest.name.replace(/^@[^/]+\//, '')];
  return Object.keys(manifest.bin ?? {});
}

/**
 * The third-party packages a published package pulls in when installed: its dependencies, its optional
 * dependencies and its required peers (npm installs those). Workspace siblings are left out: they come from the
 * registry under test.
 */
export function thirdPartyDependencies(manifest: PackageJson, scope: string): string[] {
  const requiredPeers = Object.keys(manifest.peerDependencies ?? {}).filter(
    (name) => manifest.peerDependenciesMeta?.[name]?.optional !== true,
  );
  const names = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
    ...requiredPeers,
  ];
  return [...new Set(names)].filter((name) => !name.startsWith(`${scope}/`));
}
