/** npm run load: requests per second and latency under nginx and `astro preview` (the front page, its lead story, /search/); a measurement, not a test. */
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { freePort, startNginx } from './nginx.ts';
import { startPreview } from './serve.ts';
import { DIST, fileFor, requireDist } from '../tools/built-site.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = [10, 100];
const ENCODINGS: Array<{ label: string; headers: Record<string, string> }> = [
  { label: 'none', headers: {} },
  { label: 'br', headers: { 'accept-encoding': 'br' } },
];

requireDist();
// The story a reader most likely opens: the front page's lead.
const story = /id="lead-title"><a href="([^"]+)"/.exec(readFileSync(`${DIST}/index.html`, 'utf8'))?.[1];
if (!story) throw new Error('the front page has no lead story');
const pages = [{ label: `story (${story})`, path: story }, { label: 'home', path: '/' }, ...(fileFor('/search/') ? [{ label: 'search', path: '/search/' }] : [])];

async function sample(url: string, headers: Record<string, string>) {
  return new Promise<{ encoding: string; status: number; body: number }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = 0;
      res.on('data', (c: Buffer) => (body += c.length));
      res.on('end', () => resolve({ encoding: String(res.headers['content-encoding'] ?? 'identity'), status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

const nginxPort = Number(process.env.LOAD_NGINX_PORT ?? (await freePort()));
const previewPort = Number(process.env.LOAD_PREVIEW_PORT ?? (await freePort()));
const nginx = await startNginx({ port: nginxPort });
const preview = await startPreview(previewPort);
const servers = [
  { label: 'nginx', origin: `http://127.0.0.1:${nginxPort}`, stop: () => nginx.stop().then(() => rmSync(nginx.prefix, { recursive: true, force: true })) },
  { label: 'astro preview', origin: preview.origin, stop: preview.stop },
];
const stopAll = () => Promise.all(servers.map((s) => s.stop()));
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

const runs = servers.length * pages.length * CONNECTIONS.length * ENCODINGS.length;
console.log(`Load: ${runs} runs of ${SECONDS} s on loopback (about ${Math.ceil((runs * (SECONDS + 1)) / 60)} min); ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`story page: ${story}\n`);
const rows = [
  '| server | page | connections | Accept-Encoding | sent as | req/s | p50 ms | p99 ms | bytes/response | errors, non-2xx |',
  '| --- | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
];
console.log(rows.join('\n'));
try {
  for (const server of servers) {
    for (const page of pages) {
      for (const connections of CONNECTIONS) {
        for (const enc of ENCODINGS) {
          const url = `${server.origin}${page.path}`;
          if (new URL(url).hostname !== '127.0.0.1') throw new Error(`${url} is not on loopback`);
          const one = await sample(url, enc.headers);
          const r = await autocannon({ url, connections, duration: SECONDS, headers: enc.headers, timeout: 10 });
          const n = r.requests.total || 1;
          const row = `| ${server.label} | ${page.label} | ${connections} | ${enc.label} | ${one.encoding} (${one.body.toLocaleString('en')} B body) | ${Math.round(r.requests.average).toLocaleString('en')} | ${r.latency.p50} | ${r.latency.p99} | ${Math.round(r.throughput.total / n).toLocaleString('en')} | ${r.errors + r.timeouts}, ${r.non2xx} |`;
          rows.push(row);
          console.log(row);
        }
      }
    }
  }
} finally {
  await stopAll();
}
console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
