/**
 * A Deno or Bun server with `@minimax-ts/sdk/relay/fetch` mounted as its README says, run by relay-runtimes.test.ts
 * from the repository's build. Two relays share the server: `/speech` reaches the upstream in MINIMAX_BASE_URL with
 * the key in MINIMAX_API_KEY (the defaults), `/refused` reaches the upstream given as the first argument (one that
 * refuses every upgrade). Prints `{"port":…,"runtime":…}` once listening.
 */
import { createFetchSpeechRelay } from '@minimax-ts/sdk/relay/fetch';

const refusingUpstream = globalThis.Deno ? Deno.args[0] : process.argv[2];
const authenticate = (req) => new URL(req.url).searchParams.get('token') === 'ok';
const relay = createFetchSpeechRelay({ authenticate });
const refusing = createFetchSpeechRelay({ authenticate, path: '/refused', baseURL: refusingUpstream });
const notFound = () => new Response('Not found', { status: 404 });

if (globalThis.Deno) {
  Deno.serve(
    {
      hostname: '127.0.0.1',
      port: 0,
      onListen: ({ port }) => console.log(JSON.stringify({ port, runtime: `deno ${Deno.version.deno}` })),
    },
    (req) =>
      relay.handleRequest(req, () => Deno.upgradeWebSocket(req)) ??
      refusing.handleRequest(req, () => Deno.upgradeWebSocket(req)) ??
      notFound(),
  );
} else if (globalThis.Bun) {
  const server = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: (req, server) => relay.handleBunRequest(req, server) ?? refusing.handleBunRequest(req, server) ?? notFound(),
    // One handler object runs the sessions of both relays: each socket carries its own relay's session.
    websocket: relay.bunWebSocket,
  });
  console.log(JSON.stringify({ port: server.port, runtime: `bun ${Bun.version}` }));
} else {
  throw new Error('run this with Deno or Bun');
}
