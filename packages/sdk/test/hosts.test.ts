/** The hosts table: what `region` resolves to, which region every known host belongs to, and the WebSocket URLs. */
import { describe, expect, it } from 'vitest';
import { hostsOfRegion, MINIMAX_HOSTS, MiniMax, REGION_BASE_URLS, regionOfHost } from '../src/index.ts';
import { webSocketURL } from '../src/internal/websocket.ts';

describe('hosts', () => {
  it('resolves the regions to their primary hosts (China: api.minimax.cn, as the newer pages and mmx-cli)', () => {
    expect(REGION_BASE_URLS).toEqual({ global: 'https://api.minimax.io', cn: 'https://api.minimax.cn' });
    for (const region of ['global', 'cn'] as const) {
      const primary = MINIMAX_HOSTS.filter((h) => h.region === region && h.kind === 'primary').map((h) => h.url);
      expect(primary).toEqual([REGION_BASE_URLS[region]]);
    }
  });

  it.each([
    ['api.minimax.io', 'global'],
    ['api-uw.minimax.io', 'global'],
    ['api.minimaxi.chat', 'global'],
    ['api.minimax.cn', 'cn'],
    ['API.MINIMAXI.COM', 'cn'],
    ['api-bj.minimaxi.com', 'cn'],
    ['api.minimax.chat', 'cn'],
    ['127.0.0.1:4010', undefined],
    [undefined, undefined],
  ])('regionOfHost(%s) → %s', (host, region) => {
    expect(regionOfHost(host)).toBe(region);
  });

  it('lists the hosts a user would pick, primary first, legacy ones left out', () => {
    expect(hostsOfRegion('global')).toEqual(['https://api.minimax.io', 'https://api-uw.minimax.io']);
    expect(hostsOfRegion('cn')).toEqual([
      'https://api.minimax.cn',
      'https://api.minimaxi.com',
      'https://api-bj.minimaxi.com',
    ]);
  });

  it('every host works as a baseURL, names its region, and gives the speech WebSocket its own host', () => {
    for (const host of MINIMAX_HOSTS) {
      const mm = new MiniMax({ apiKey: 'k', baseURL: host.url });
      expect(mm.region).toBe(host.region);
      expect(webSocketURL(mm.baseURL, '/ws/v1/t2a_v2')).toBe(`${host.url.replace('https:', 'wss:')}/ws/v1/t2a_v2`);
    }
  });
});
