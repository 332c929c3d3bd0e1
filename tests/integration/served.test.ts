/**
 * The built site served for real: nginx started as `npm run serve:nginx` starts it,
 * and Caddy with the build's Caddyfile, each on a free loopback port, checked with
 * real HTTP requests. Every response carries the security headers and the site-wide
 * CSP header (frame-ancestors 'none'); every page its own policy, with its hashes, in
 * its <meta>; hashed assets are cached for a year and pages briefly; precompressed files are sent as br or gzip
 * when asked and as they are otherwise; unknown paths get the 404 page with status
 * 404; "/story" redirects to "/story/" with a relative Location.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, matches, metaPolicy, parseHeadersFile, parsePolicy } from '../helpers/headers.ts';
import { builtFile, caddyServer, get, nginxServer, type Reply, type Server } from '../helpers/servers.ts';
import { allPages, fileFor, listFiles, requireDist } from '../helpers/site.ts';

const SECURITY: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'strict-origin-when-cross-origin',
};
const maxAge = (r: Reply) => Number(/max-age=(\d+)/.exec(String(r.headers['cache-control']))?.[1] ?? NaN);

function securityProblems(where: string, r: Reply): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(SECURITY)) {
    if (r.headers[name] !== value) problems.push(`${where}: ${name} is ${JSON.stringify(r.headers[name])}, want ${value}`);
  }
  if (!/\w=\(\)/.test(String(r.headers['permissions-policy']))) problems.push(`${where}: no Permissions-Policy turning features off`);
  if (parsePolicy(String(r.headers['content-security-policy'] ?? '')).get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`${where}: no CSP header with frame-ancestors 'none'`);
  return problems;
}

describe.each([
  ['nginx', nginxServer],
  ['caddy', caddyServer],
] as const)('the site served by %s', (_name, start) => {
  let server: Server;
  beforeAll(async () => {
    requireDist();
    server = await start();
  }, 30_000);
  afterAll(async () => server?.stop());

  it("sends every page with its CSP <meta> (hashes and all), the site-wide CSP header, the security headers and a short cache", async () => {
    const problems: string[] = [];
    const pages = allPages();
    for (const page of pages) {
      const r = await get(server.origin, page);
      if (r.status !== 200) {
        problems.push(`${page}: status ${r.status}`);
        continue;
      }
      expect(r.body.equals(builtFile(fileFor(page)!)), `${page}: the body is the built file`).toBe(true);
      const meta = parsePolicy(metaPolicy(r.body.toString('utf8')) ?? '');
      if (![...meta.values()].flat().some((s) => s.startsWith("'sha256-"))) problems.push(`${page}: no CSP <meta> with the hashes of its scripts and styles`);
      const header = String(r.headers['content-security-policy']);
      const sent = parsePolicy(header);
      // The header's other directives are the <meta>'s own; none governs what the page's hashes allow.
      sent.delete('frame-ancestors');
      if ([...sent].some(([name, sources]) => meta.get(name)?.join(' ') !== sources.join(' ')) || ['script-src', 'style-src', 'default-src'].some((d) => sent.has(d))) {
        problems.push(`${page}: the CSP header is not the site-wide policy:\n  header: ${header}`);
      }
      problems.push(...securityProblems(page, r));
      if (/immutable/.test(String(r.headers['cache-control'])) || !(maxAge(r) <= 600)) problems.push(`${page}: Cache-Control "${r.headers['cache-control']}" is not a short cache`);
    }
    console.log(`${server.name}: ${pages.length} pages checked, ${problems.length} problems`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('sends what dist/_headers says for every file and page of the build', async () => {
    const rules = parseHeadersFile(builtFile('_headers').toString('utf8'));
    const files = listFiles().filter((f) => !/\.(gz|br)$/.test(f) && !f.startsWith('_server/') && f !== '_headers');
    const paths = [...allPages(), ...files.map((f) => `/${f}`)];
    for (const rule of rules) expect(paths.some((p) => matches(rule.path, p)), `a file under ${rule.path}`).toBe(true);
    const problems: string[] = [];
    for (const p of paths) {
      const r = await get(server.origin, p);
      if (r.status !== 200) problems.push(`${p}: status ${r.status}`);
      for (const [name, value] of headersFor(rules, p)) {
        if (r.headers[name] !== value) problems.push(`${p}: ${name} is ${JSON.stringify(r.headers[name])}, _headers says ${JSON.stringify(value)}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('caches hashed assets for a year, immutable, and the feed and sitemaps briefly', async () => {
    const assets = listFiles().filter((f) => f.startsWith('_astro/') && !/\.(gz|br)$/.test(f));
    expect(assets.length).toBeGreaterThan(0);
    for (const f of assets) {
      const r = await get(server.origin, `/${f}`);
      expect(r.status, f).toBe(200);
      expect(r.headers['cache-control'], f).toMatch(/\bimmutable\b/);
      expect(maxAge(r), f).toBeGreaterThanOrEqual(31_536_000);
      expect(securityProblems(f, r)).toEqual([]);
    }
    for (const f of ['/rss.xml', '/sitemap-index.xml']) {
      const r = await get(server.origin, f);
      expect(r.status, f).toBe(200);
      expect(maxAge(r), `${f}: ${r.headers['cache-control']}`).toBeLessThanOrEqual(600);
      expect(r.headers['cache-control'], f).not.toMatch(/immutable/);
    }
  });

  it('sends the .br or .gz the build wrote when asked, and the file as it is otherwise', async () => {
    const text = listFiles().filter((f) => /\.(html|css|js|xml|svg)$/.test(f) && !f.startsWith('_server/'));
    expect(text.length).toBeGreaterThan(5);
    for (const f of text) {
      const urlPath = `/${f}`;
      const plain = builtFile(f);
      const br = await get(server.origin, urlPath, { 'Accept-Encoding': 'br' });
      expect(br.headers['content-encoding'], `${f} with br`).toBe('br');
      expect(br.body.equals(builtFile(`${f}.br`)), `${f}: the .br the build wrote`).toBe(true);
      expect(brotliDecompressSync(br.body).equals(plain), `${f}: br decodes to the file`).toBe(true);
      const gz = await get(server.origin, urlPath, { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding'], `${f} with gzip`).toBe('gzip');
      expect(gunzipSync(gz.body).equals(plain), `${f}: gzip decodes to the file`).toBe(true);
      const both = await get(server.origin, urlPath, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      expect(both.headers['content-encoding'], `${f} with a browser's Accept-Encoding`).toMatch(/^(br|gzip)$/);
      const none = await get(server.origin, urlPath);
      expect(none.headers['content-encoding'], `${f} with no Accept-Encoding`).toBeUndefined();
      expect(none.body.equals(plain), `${f}: sent as it is`).toBe(true);
      const identity = await get(server.origin, urlPath, { 'Accept-Encoding': 'identity' });
      expect(identity.headers['content-encoding'], `${f} with identity`).toBeUndefined();
      for (const r of [br, gz, none]) expect(String(r.headers.vary), `${f}: Vary`).toMatch(/accept-encoding/i);
    }
  });

  it("sends Pagefind's index and WebAssembly (gzipped inside, read by pagefind.js) as the bytes written, binary, with no encoding of their own", async () => {
    const files = listFiles().filter((f) => f.startsWith('pagefind/') && !/\.(js|json|br|gz)$/.test(f));
    expect(files.some((f) => f.endsWith('.pf_meta')) && files.some((f) => f.startsWith('pagefind/wasm.'))).toBe(true);
    for (const f of files) {
      const r = await get(server.origin, `/${f}`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      expect([r.status, r.headers['content-encoding'], r.body.equals(builtFile(f))], f).toEqual([200, undefined, true]);
      expect(r.headers['content-type'], f).toMatch(/^application\/(octet-stream|x-gzip|gzip)$/);
    }
  });

  it('answers unknown paths with the 404 page and status 404, not cached for long, with its CSP', async () => {
    const notFound = builtFile('404.html');
    for (const p of ['/no-such-story/', '/no-such-file.html', '/_astro/no-such-file.css', '/og/', '/_server/nginx/nginx.conf', '/_server/Caddyfile', '/_headers']) {
      for (const enc of [undefined, 'br']) {
        const r = await get(server.origin, p, enc ? { 'Accept-Encoding': enc } : {});
        const body = r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.body;
        expect(r.status, p).toBe(404);
        expect(body.equals(notFound), `${p}: the body is 404.html`).toBe(true);
        expect(body.toString()).toContain('Page not found');
        expect(r.headers['content-type'], p).toMatch(/^text\/html/);
        expect(r.headers['cache-control'], p).not.toMatch(/immutable/);
        expect(String(r.headers['content-security-policy']), p).toContain("frame-ancestors 'none'");
        expect(securityProblems(p, r)).toEqual([]);
      }
    }
  });

  it('redirects "/story" to "/story/" with a relative Location', async () => {
    for (const page of allPages().filter((p) => p.length > 1 && p.endsWith('/'))) {
      const bare = page.slice(0, -1);
      const r = await get(server.origin, bare);
      expect([301, 308], `${bare}: status`).toContain(r.status);
      expect(r.headers.location, bare).toBe(page);
      expect(securityProblems(bare, r)).toEqual([]);
    }
  });
});
