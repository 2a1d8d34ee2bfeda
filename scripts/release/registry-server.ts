/**
 * The child process the release test runs Verdaccio in (`node --import tsx registry-server.ts <config.yaml>`): it
 * listens on a free port of 127.0.0.1 and prints the address, which `registry.ts` waits for. A process of its own so
 * the registry's work never competes with the test's event loop, and a kill ends it whatever state it is in.
 */
import type { AddressInfo } from 'node:net';
import { runServer } from 'verdaccio';

const config = process.argv[2];
if (!config) throw new Error('usage: registry-server.ts <config.yaml>');
const server = await runServer(config);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`registry listening on http://127.0.0.1:${port}/`);
});
