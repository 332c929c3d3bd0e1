/** The header table (src/lib/headers.ts) and the nginx start-up it feeds (scripts/nginx.ts). */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { configForPort, nginxMissing } from '../../scripts/nginx.ts';
import { precompressFolder } from '../../src/integrations/precompress.ts';
import { writeServerConfigs } from '../../src/integrations/server-config.ts';
import { cspDirectives } from '../../src/lib/csp.ts';
import { serverConfigs } from '../../src/lib/headers.ts';
import { headersFor, parseHeadersFile, parsePolicy } from '../helpers/headers.ts';
import { builtFile, isBuilt } from '../helpers/servers.ts';
import { listFiles, requireDist } from '../helpers/site.ts';

const configs = () => serverConfigs('/srv/site');

describe('the header table', () => {
  it('gives every response the security headers and the site-wide CSP; pages and the feed five minutes, /_astro/ a year, /og/ a day', () => {
    const rules = parseHeadersFile(configs()._headers!);
    for (const p of ['/', '/a/', '/a/index.html', '/404.html', '/rss.xml', '/favicon.svg', '/_astro/x.css', '/og/a.png']) {
      const h = headersFor(rules, p);
      const get = (n: string) => h.filter(([k]) => k === n).map(([, v]) => v);
      expect(get('x-content-type-options'), p).toEqual(['nosniff']);
      expect(get('content-security-policy'), p).toEqual(["frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"]);
      const cache = p.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : p.startsWith('/og/') ? 'public, max-age=86400' : 'public, max-age=300';
      expect(get('cache-control'), `${p}: one Cache-Control, not joined with that of "/*"`).toEqual([cache]);
    }
  });

  it("takes the CSP header's constant directives from the page policy, and no directive that would block what a page's hashes allow", () => {
    const header = parsePolicy(configs()._headers!.match(/Content-Security-Policy: (.*)/)![1]!);
    const page = parsePolicy(cspDirectives.join('; '));
    expect([...header.keys()].sort()).toEqual(['base-uri', 'form-action', 'frame-ancestors', 'object-src']);
    for (const d of ['base-uri', 'form-action', 'object-src']) expect(header.get(d), d).toEqual(page.get(d));
  });

  it('gives every nginx location the headers every response carries through the snippet, always (also on 404s), and each its Cache-Control', () => {
    const { '_server/nginx/server.conf': server, '_server/nginx/security-headers.conf': snippet } = configs();
    const locations = server!.split('location ').slice(1);
    const withHeaders = locations.filter((l) => !l.includes('return 404'));
    expect(withHeaders.map((l) => l.slice(0, l.indexOf(' {')))).toEqual(['/', '^~ /_astro/', '^~ /og/']);
    for (const l of withHeaders) {
      expect(l).toContain('include "/srv/site/_server/nginx/security-headers.conf";');
      expect(l.match(/add_header Cache-Control "[^"]+" always;/g)).toHaveLength(1);
    }
    expect(snippet).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(snippet).toContain(`add_header Content-Security-Policy "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" always;`);
    expect(snippet, 'Cache-Control is set per location, so no location sends two').not.toContain('Cache-Control');
  });

  it('writes the same configs for a site of 1 page and one of 1,000: the same nginx locations, byte for byte', () => {
    const sites = [1, 1000].map((pages) => {
      const dir = mkdtempSync(path.join(tmpdir(), `headers-${pages}-`));
      for (const f of ['index.html', '404.html', ...Array.from({ length: pages }, (_, i) => `story-${i}/index.html`)]) {
        mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        writeFileSync(path.join(dir, f), `<!doctype html><meta http-equiv="content-security-policy" content="script-src 'sha256-${f}='"><p>${f}`);
      }
      const written = writeServerConfigs(dir, '/srv/site');
      const files = Object.fromEntries(written.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
      rmSync(dir, { recursive: true, force: true });
      return files;
    });
    expect(sites[1]).toEqual(sites[0]);
    const locations = (sites[0]!['_server/nginx/server.conf']!.match(/^\s*location\s/gm) ?? []).length;
    console.log(`nginx server.conf: ${locations} location blocks at 1 page and at 1,000`);
    expect(locations).toBe(5);
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
