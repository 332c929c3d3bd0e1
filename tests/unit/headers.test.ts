/** The header table (src/lib/headers.ts) and the nginx start-up it feeds (scripts/nginx.ts). */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { configForPort, nginxMissing } from '../../scripts/nginx.ts';
import { precompressFolder } from '../../src/integrations/precompress.ts';
import { cspHeader, headerRules, toHeadersFile, toNginx } from '../../src/lib/headers.ts';
import { headersFor, parseHeadersFile } from '../helpers/headers.ts';
import { builtFile, isBuilt } from '../helpers/servers.ts';
import { listFiles, requireDist } from '../helpers/site.ts';

const page = { urlPaths: ['/a/', '/a/index.html'], csp: "default-src 'self'; script-src 'self' 'sha256-abc='" };

describe('the header table', () => {
  it('gives each page its CSP with frame-ancestors, the security headers and a short cache; /_astro/ a year', () => {
    const rules = parseHeadersFile(toHeadersFile(headerRules({ pages: [page], shortCached: ['/rss.xml'] })));
    const a = Object.fromEntries(headersFor(rules, '/a/'));
    expect(a['content-security-policy']).toBe("default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'");
    expect(a['x-content-type-options']).toBe('nosniff');
    expect(a['cache-control']).toBe('public, max-age=300');
    expect(Object.fromEntries(headersFor(rules, '/_astro/x.css'))['cache-control']).toMatch(/max-age=31536000, immutable/);
    expect(Object.fromEntries(headersFor(rules, '/rss.xml'))['cache-control']).toBe('public, max-age=300');
  });

  it('writes a policy that ends in ";" once', () => {
    expect(cspHeader("default-src 'self';")).toBe("default-src 'self'; frame-ancestors 'none'");
  });

  it('refuses a header set twice for one path, which _headers hosts would join and nginx send twice', () => {
    expect(() => headerRules({ pages: [], shortCached: ['/_astro/feed.xml'] })).toThrow(/cache-control set by more than one rule/i);
  });

  it('refuses values nginx or Caddy would read differently', () => {
    for (const csp of ['x "y"', 'a $uri', 'a {path}']) {
      expect(() => headerRules({ pages: [{ urlPaths: ['/'], csp }], shortCached: [] }), csp).toThrow(/cannot be written safely/);
    }
  });

  it('gives every nginx location the headers of "/*" through the snippet, always (also on 404s)', () => {
    const rules = headerRules({ pages: [page], shortCached: [] });
    const { 'server.conf': server, 'security-headers.conf': snippet } = toNginx(rules, { root: '/srv/site', notFound: '/404.html', types: {} });
    const locations = server!.split('location ').slice(1);
    const withHeaders = locations.filter((l) => !l.includes('return 404'));
    expect(withHeaders.length).toBe(3); // "/", "/_astro/", "/a/index.html"
    for (const l of withHeaders) expect(l).toContain('include "/srv/site/_server/nginx/security-headers.conf";');
    expect(snippet).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(server).toMatch(/location = \/a\/index.html \{[^}]*Content-Security-Policy[^}]*\}/);
  });
});

describe('nginx on a chosen port', () => {
  it('changes only the listen line of the standalone config', () => {
    const conf = 'server {\n    listen 127.0.0.1:8080;\n    root "/x";\n}\n';
    expect(configForPort(conf, 4431)).toBe('server {\n    listen 127.0.0.1:4431;\n    root "/x";\n}\n');
    expect(() => configForPort('server { listen 80; }', 4431)).toThrow(/exactly one/);
  });

  it('says what to install when nginx is missing', () => {
    const before = process.env.NGINX;
    process.env.NGINX = '/no/such/nginx';
    try {
      expect(nginxMissing()).toMatch(/nginx is not installed.*apt-get install nginx libnginx-mod-http-brotli-static/);
    } finally {
      if (before === undefined) delete process.env.NGINX;
      else process.env.NGINX = before;
    }
    expect(nginxMissing(), 'nginx and its brotli module are installed here').toBeNull();
  });
});

describe('precompressed files', () => {
  it('the build wrote a .gz and a .br beside every HTML, CSS, JS, XML and SVG file, and each decodes to it', () => {
    requireDist();
    const text = listFiles().filter((f) => /\.(html|css|js|mjs|xml|svg)$/.test(f) && !f.startsWith('_server/'));
    expect(text.length).toBeGreaterThan(5);
    for (const f of text) {
      expect(isBuilt(`${f}.gz`) && isBuilt(`${f}.br`), `${f}: .gz and .br`).toBe(true);
      expect(gunzipSync(builtFile(`${f}.gz`)).equals(builtFile(f)), `${f}.gz`).toBe(true);
      expect(brotliDecompressSync(builtFile(`${f}.br`)).equals(builtFile(f)), `${f}.br`).toBe(true);
      expect(builtFile(`${f}.br`).length, `${f}.br is smaller than the file`).toBeLessThan(builtFile(f).length);
    }
  });

  it('takes the previous build’s compressed files for a file whose bytes are the same, and compresses a changed one afresh', async () => {
    const before = mkdtempSync(path.join(tmpdir(), 'precompress-before-'));
    const dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
    try {
      const same = '<p>a page that did not change</p>'.repeat(40);
      writeFileSync(path.join(before, 'same.html'), same);
      writeFileSync(path.join(before, 'edited.html'), '<p>the old text</p>'.repeat(40));
      await precompressFolder(before);
      writeFileSync(path.join(dir, 'same.html'), same);
      writeFileSync(path.join(dir, 'edited.html'), '<p>the new text</p>'.repeat(40));
      const stats = await precompressFolder(dir, { previous: before });
      expect(stats).toMatchObject({ files: 2, reused: 1 });
      expect(readFileSync(path.join(dir, 'same.html.br')).equals(readFileSync(path.join(before, 'same.html.br')))).toBe(true);
      expect(brotliDecompressSync(readFileSync(path.join(dir, 'edited.html.br'))).toString()).toContain('the new text');
      expect(gunzipSync(readFileSync(path.join(dir, 'edited.html.gz'))).toString()).toContain('the new text');
    } finally {
      rmSync(before, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compresses text files only', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
    try {
      writeFileSync(path.join(dir, 'a.html'), '<p>hello</p>'.repeat(100));
      writeFileSync(path.join(dir, 'b.png'), Buffer.alloc(100));
      const stats = await precompressFolder(dir);
      expect(readdirSync(dir).sort()).toEqual(['a.html', 'a.html.br', 'a.html.gz', 'b.png']);
      expect(stats.files).toBe(1);
      expect(brotliDecompressSync(readFileSync(path.join(dir, 'a.html.br'))).toString()).toBe('<p>hello</p>'.repeat(100));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
