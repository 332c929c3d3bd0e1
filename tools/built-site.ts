/** Reading a built site folder the way a static host serves it. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');

export function requireDist(dir = DIST): void {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${path.relative(process.cwd(), dir) || dir}/ holds no build: run \`npm run build\` first.`);
  }
}

export function listFiles(dir = DIST): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

export function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

export function builtPages(dir = DIST): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html')).map(urlPathOf);
}

/** "/a/" → a/index.html; "/a" → a, a.html or a/index.html; "/" → index.html. */
export function fileFor(urlPath: string, dir = DIST): string | null {
  let p: string;
  try {
    p = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const rel = p.replace(/^\/+/, '');
  if (rel.split('/').includes('..')) return null;
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}.html`, `${rel}/index.html`];
  for (const c of candidates) {
    const abs = path.join(dir, c);
    if (existsSync(abs) && statSync(abs).isFile()) return c;
  }
  return null;
}

const locs = (xml: string) => [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

export function sitemapUrls(dir = DIST): string[] {
  const index = path.join(dir, 'sitemap-index.xml');
  if (!existsSync(index)) throw new Error('dist/sitemap-index.xml is missing');
  const urls: string[] = [];
  for (const loc of locs(readFileSync(index, 'utf8'))) {
    const file = fileFor(new URL(loc).pathname, dir);
    if (!file) throw new Error(`the sitemap index names ${loc}, which is not in the build`);
    urls.push(...locs(readFileSync(path.join(dir, file), 'utf8')));
  }
  return urls;
}

export function siteOrigin(dir = DIST): string {
  const first = sitemapUrls(dir)[0];
  if (!first) throw new Error('the sitemap lists no URL');
  return new URL(first).origin;
}

export function sitemapPaths(dir = DIST): string[] {
  return sitemapUrls(dir).map((u) => {
    const url = new URL(u);
    return url.pathname + url.search;
  });
}

/** The sitemap's URLs plus every other built page (404). */
export function allPages(dir = DIST): string[] {
  const fromSitemap = sitemapPaths(dir);
  const seen = new Set(fromSitemap.map((p) => fileFor(p, dir)));
  return [...fromSitemap, ...builtPages(dir).filter((p) => !seen.has(fileFor(p, dir)))];
}

/** Serves a built folder on a free loopback port as fileFor does, with 404.html for the rest. */
export async function serveBuilt(dir = DIST): Promise<{ origin: string; close: () => Promise<void> }> {
  const { createServer } = await import('node:http');
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.xml': 'application/xml', '.woff2': 'font/woff2', '.txt': 'text/plain' };
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = fileFor(urlPath, dir);
    const status = file ? 200 : 404;
    const served = file ?? (existsSync(path.join(dir, '404.html')) ? '404.html' : null);
    res.writeHead(status, { 'content-type': served ? (types[path.extname(served)] ?? 'application/octet-stream') : 'text/plain' });
    res.end(served ? readFileSync(path.join(dir, served)) : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
