/**
 * Astro integration: after the build, writes the header table (src/lib/headers.ts)
 * filled with each page's Content-Security-Policy (copied from the <meta http-equiv>
 * Astro wrote into the page, plus frame-ancestors, which only a header can carry):
 * dist/_headers, and the nginx and Caddy configs in dist/_server/.
 *
 * SERVER_ROOT is where the site will live on the server (default: the folder the build
 * ends up in, which scripts/build.ts passes); the nginx and Caddy configs point there.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lookup } from 'mrmime';
import { headerRules, SERVER_CONFIG_DIR, toCaddyfile, toHeadersFile, toNginx, type BuiltPage } from '../lib/headers.ts';
import { builtPages, fileFor, listFiles } from '../lib/built-site.ts';

export function cspFromHtml(html: string): string | null {
  const m = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html);
  return m ? m[1]!.replace(/;\s*$/, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}

/** The URL paths a host serves a built page at: a/index.html at "/a/" and "/a/index.html". */
const servedAt = (urlPath: string) => (urlPath.endsWith('/') ? [urlPath, `${urlPath}index.html`] : [urlPath]);

/** Reads a built folder and writes its _headers and server configs into it. */
export function writeServerConfigs(dir: string, root = dir): { pages: number; files: string[] } {
  const pages: BuiltPage[] = [];
  for (const urlPath of builtPages(dir)) {
    const csp = cspFromHtml(readFileSync(path.join(dir, fileFor(urlPath, dir)!), 'utf8'));
    if (!csp) throw new Error(`${urlPath}: no Content-Security-Policy <meta>, so no CSP header can be written for it`);
    pages.push({ urlPaths: servedAt(urlPath), csp });
  }
  const files = listFiles(dir).filter((f) => !f.startsWith(`${SERVER_CONFIG_DIR}/`));
  // The feed and the sitemaps: short-cached like the pages.
  const shortCached = files.filter((f) => !f.includes('/') && f.endsWith('.xml')).map((f) => `/${f}`);
  const rules = headerRules({ pages, shortCached });
  const notFound = '/404.html';
  if (!pages.some((p) => p.urlPaths.includes(notFound))) throw new Error('the build has no 404.html');

  const types: Record<string, string> = {};
  for (const f of files) {
    const ext = path.extname(f).slice(1).toLowerCase();
    const type = ext && lookup(ext);
    if (type && !['gz', 'br'].includes(ext)) types[ext] = type;
  }
  const out: Record<string, string> = {
    _headers: toHeadersFile(rules),
    [`${SERVER_CONFIG_DIR}/Caddyfile`]: toCaddyfile(rules, { root, notFound }),
  };
  for (const [name, text] of Object.entries(toNginx(rules, { root, notFound, types }))) out[`${SERVER_CONFIG_DIR}/nginx/${name}`] = text;
  for (const [name, text] of Object.entries(out)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return { pages: pages.length, files: Object.keys(out) };
}
