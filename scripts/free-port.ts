/**
 * A TCP port that is free on 127.0.0.1 now: the system picks it (listen on port 0), and it is
 * released at once for the caller's server. Two test runs on one machine get different ports.
 */
import { createServer } from 'node:net';

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port was given'))));
    });
  });
}
