/**
 * MiniMax's hosts and the region each belongs to, as data: the client resolves `region` from it and the
 * authentication hint names the right hosts from it. A key works only on its own region's hosts, and MiniMax's pages
 * disagree on the China host (the newer ones declare `api.minimax.cn`, the older ones `api.minimaxi.com`, the
 * official CLI 1.0.27 uses the former and treats both as China), so every known spelling is listed.
 */

/** The API's two regions; a key works only on its own region's hosts. */
export type Region = 'global' | 'cn';

/**
 * - `primary`: what `region` resolves to.
 * - `alias`: the same service under another name (same keys).
 * - `low-latency`: a documented alternative for synchronous speech (HTTP and WebSocket), same keys as its region.
 * - `legacy`: a host older clients used; recognised in hints only.
 */
export type HostKind = 'primary' | 'alias' | 'low-latency' | 'legacy';

/** One host of the API. */
export interface MiniMaxHost {
  /** The base URL to pass as `baseURL`. */
  url: string;
  region: Region;
  kind: HostKind;
  /** Where it is documented and what it is for. */
  note: string;
}

/** The hosts, without their notes: what the client resolves regions with. */
const HOSTS: ReadonlyArray<Omit<MiniMaxHost, 'note'>> = [
  { url: 'https://api.minimax.io', region: 'global', kind: 'primary' },
  { url: 'https://api-uw.minimax.io', region: 'global', kind: 'low-latency' },
  { url: 'https://api.minimax.cn', region: 'cn', kind: 'primary' },
  { url: 'https://api.minimaxi.com', region: 'cn', kind: 'alias' },
  { url: 'https://api-bj.minimaxi.com', region: 'cn', kind: 'low-latency' },
  { url: 'https://api.minimaxi.chat', region: 'global', kind: 'legacy' },
  { url: 'https://api.minimax.chat', region: 'cn', kind: 'legacy' },
];

/**
 * Where each host is documented and what it is for. Apart from {@link HOSTS} so that a bundle that only resolves
 * regions (the chat entry) leaves the prose out.
 */
const NOTES: Readonly<Record<string, string>> = {
  'https://api.minimax.io': 'International host (keys from platform.minimax.io).',
  'https://api-uw.minimax.io':
    'International low-latency host, documented for synchronous speech (lower time to first audio).',
  'https://api.minimax.cn': 'China host of the newer China pages and the official CLI (keys from the China platform).',
  'https://api.minimaxi.com':
    'China host of the older China pages (speech-to-text, file upload, image, music, text chat); same keys.',
  'https://api-bj.minimaxi.com':
    'China low-latency host, recommended in North China for synchronous speech over HTTP and WebSocket.',
  'https://api.minimaxi.chat': 'Former international host.',
  'https://api.minimax.chat': 'Former China host.',
};

/**
 * Every host the SDK knows. Pass any of them as `baseURL`; `region` picks the `primary` one.
 *
 * @example
 * ```ts
 * import { MINIMAX_HOSTS, MiniMax } from '@minimax-ts/sdk';
 * const beijing = MINIMAX_HOSTS.find((h) => h.region === 'cn' && h.kind === 'low-latency')!;
 * const mm = new MiniMax({ baseURL: beijing.url }); // https://api-bj.minimaxi.com, for speech in North China
 * ```
 */
export const MINIMAX_HOSTS: readonly MiniMaxHost[] = /* @__PURE__ */ HOSTS.map((h) => ({
  ...h,
  note: NOTES[h.url] as string,
}));

const REGION_OF_HOST: ReadonlyMap<string, Region> = new Map(HOSTS.map((h) => [new URL(h.url).host, h.region] as const));

/**
 * The region of a known MiniMax host name (case-insensitive), else `undefined`.
 *
 * @example
 * ```ts
 * regionOfHost('api-bj.minimaxi.com'); // 'cn'
 * regionOfHost('localhost:4010'); // undefined
 * ```
 */
export function regionOfHost(host: string | undefined): Region | undefined {
  return host === undefined ? undefined : REGION_OF_HOST.get(host.toLowerCase());
}

/**
 * The hosts a key of `region` works on that a user would pick (primary, alias, low-latency), primary first.
 *
 * @example
 * ```ts
 * hostsOfRegion('cn'); // ['https://api.minimax.cn', 'https://api.minimaxi.com', 'https://api-bj.minimaxi.com']
 * ```
 */
export function hostsOfRegion(region: Region): string[] {
  return HOSTS.filter((h) => h.region === region && h.kind !== 'legacy').map((h) => h.url);
}
