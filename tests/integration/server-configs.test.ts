/**
 * The generated nginx and Caddy configs carry every rule dist/_headers carries, and
 * nothing else: for a path under each of its rules, and the pages and the feed,
 * the headers each server would send, read from the configs with a real parser
 * (nginx-conf for nginx; Caddy's own `caddy adapt` for the Caddyfile) and resolved
 * the way that server picks a location or route, equal those _headers gives it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'nginx-conf';
import { beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile, type HeadersRule } from '../helpers/headers.ts';
import { DIST, requireDist } from '../helpers/site.ts';

type NginxNode = { name: string; value: string; children: NginxNode[] | null };
type HeaderSet = Array<[string, string]>;

const sorted = (h: HeaderSet) => [...h].map(([n, v]) => [n.toLowerCase(), v] as [string, string]).sort(([a], [b]) => a.localeCompare(b));
const show = (h: HeaderSet) => sorted(h).map(([n, v]) => `${n}: ${v.length > 60 ? `${v.slice(0, 60)}…` : v}`).join('\n    ') || '(none)';

function parseNginx(file: string): NginxNode {
  let tree: NginxNode | undefined;
  parse(readFileSync(file, 'utf8'), (err, t) => {
    if (err) throw err;
    tree = t as unknown as NginxNode;
  });
  if (!tree) throw new Error(`${file}: not parsed`);
  return tree;
}
const kids = (n: NginxNode, name: string) => (n.children ?? []).filter((c) => c.name === name);

interface Location {
  modifier: '=' | '^~' | '';
  path: string;
  headers: HeaderSet;
  returns: string | null;
  alwaysMissing: string[];
}

/** A server block's locations, with their add_header lines and those of the files they include. */
function nginxLocations(server: NginxNode): Location[] {
  if (kids(server, 'add_header').length) throw new Error('add_header at server level: locations with their own would drop it');
  return kids(server, 'location').map((loc) => {
    const m = /^(=|\^~|~\*?)?\s*(\S+)$/.exec(loc.value.trim());
    if (!m || m[1]?.startsWith('~')) throw new Error(`location "${loc.value}": regex locations are not read here`);
    const lines = [
      ...kids(loc, 'include').flatMap((inc) => kids(parseNginx(inc.value.replace(/^"|"$/g, '')), 'add_header')),
      ...kids(loc, 'add_header'),
    ].map((n) => n.value);
    const headers: HeaderSet = [];
    const alwaysMissing: string[] = [];
    for (const line of lines) {
      const h = /^(\S+)\s+"([^"]*)"(\s+always)?$/.exec(line.trim());
      if (!h) throw new Error(`add_header ${line}: not read`);
      headers.push([h[1]!, h[2]!]);
      if (!h[3]) alwaysMissing.push(h[1]!);
    }
    return { modifier: (m[1] ?? '') as Location['modifier'], path: m[2]!, headers, returns: kids(loc, 'return')[0]?.value ?? null, alwaysMissing };
  });
}

/** The location nginx picks for a URI: an exact match, else the longest prefix. */
function pick(locations: Location[], uri: string): Location {
  const exact = locations.find((l) => l.modifier === '=' && l.path === uri);
  if (exact) return exact;
  const prefix = locations.filter((l) => l.modifier !== '=' && uri.startsWith(l.path)).sort((a, b) => b.path.length - a.path.length)[0];
  if (!prefix) throw new Error(`no location for ${uri}`);
  return prefix;
}

/** The headers nginx sends for a path: a "/…/" is handed to its index.html; a return 404 to the error page. */
function nginxHeaders(locations: Location[], server: NginxNode, urlPath: string): HeaderSet {
  let loc = pick(locations, urlPath);
  if (loc.returns) {
    const errorPage = kids(server, 'error_page')[0]?.value.split(/\s+/).at(-1);
    loc = pick(locations, errorPage!);
  } else if (urlPath.endsWith('/')) loc = pick(locations, `${urlPath}index.html`);
  return loc.headers;
}

interface CaddyMatch {
  path?: string[];
  not?: CaddyMatch[];
}
interface CaddyRoute {
  match?: CaddyMatch[];
  handle?: Array<{ handler: string; response?: { set?: Record<string, string[]>; deferred?: boolean }; routes?: CaddyRoute[] }>;
}

/** Caddy's path matcher: exact, or with "*" as a wildcard. */
const caddyPathMatches = (pattern: string, urlPath: string) =>
  new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i').test(urlPath);

/** Whether a Caddy matcher set (path, or not of matcher sets) matches a path. */
const caddyMatches = (m: CaddyMatch, urlPath: string): boolean =>
  (!m.path || m.path.some((p) => caddyPathMatches(p, urlPath))) && (!m.not || !m.not.some((n) => caddyMatches(n, urlPath)));

/** The headers Caddy's header handlers set for a path (all matching routes; Vary, which Caddy adds for precompressed files, aside). */
function caddyHeaders(routes: CaddyRoute[], urlPath: string): HeaderSet {
  const out: HeaderSet = [];
  for (const route of routes) {
    if (route.match && !route.match.some((m) => caddyMatches(m, urlPath))) continue;
    for (const h of route.handle ?? []) {
      if (h.handler === 'subroute' && h.routes) out.push(...caddyHeaders(h.routes, urlPath));
      if (h.handler !== 'headers') continue;
      for (const [name, values] of Object.entries(h.response?.set ?? {})) if (name.toLowerCase() !== 'vary') out.push([name, values.join(', ')]);
    }
  }
  return out;
}

describe('server configs against dist/_headers, rule by rule', () => {
  let rules: HeadersRule[];
  let probes: string[];
  beforeAll(() => {
    requireDist();
    rules = parseHeadersFile(readFileSync(path.join(DIST, '_headers'), 'utf8'));
    // One path under each rule; the pages, the feed and a file elsewhere.
    probes = [...new Set([...rules.map((r) => `${r.path.slice(0, -1)}probe.css`), '/', '/index.html', '/about/', '/404.html', '/rss.xml', '/favicon.svg'])];
  });

  for (const file of ['server.conf', 'nginx.conf']) {
    it(`nginx ${file}: each location carries all of its headers, and a path gets what _headers gives it`, () => {
      const tree = parseNginx(path.join(DIST, '_server', 'nginx', file));
      const servers = file === 'nginx.conf' ? kids(kids(tree, 'http')[0]!, 'server') : kids(tree, 'server');
      expect(servers).toHaveLength(1);
      const server = servers[0]!;
      const locations = nginxLocations(server);
      expect(locations.flatMap((l) => l.alwaysMissing.map((h) => `${l.path}: ${h}`)), 'add_header without always is not sent with 404s').toEqual([]);

      const problems: string[] = [];
      for (const p of probes) {
        const want = sorted(headersFor(rules, p));
        const got = sorted(nginxHeaders(locations, server, p));
        if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${p}:\n  _headers:\n    ${show(want)}\n  nginx:\n    ${show(got)}`);
      }
      // And no location sends headers _headers does not give its path; their number does not grow with the pages.
      expect(locations.length, 'locations: "/", each folder of _headers, and the two private paths').toBe(rules.length + 2);
      for (const l of locations.filter((x) => x.headers.length)) {
        const p = l.modifier === '=' ? l.path : `${l.path}probe.css`;
        if (JSON.stringify(sorted(l.headers)) !== JSON.stringify(sorted(headersFor(rules, p)))) problems.push(`location ${l.modifier} ${l.path}: headers _headers does not give ${p}`);
      }
      console.log(`nginx ${file}: ${locations.length} locations, ${probes.length} paths compared, ${problems.length} problems`);
      expect(problems, problems.join('\n')).toEqual([]);
      for (const d of ['gzip_static', 'brotli_static']) expect(kids(server, d)[0]?.value, d).toBe('on');
      expect(kids(server, 'gzip')[0]?.value, 'no compression on the fly').toBe('off');
      expect(kids(server, 'absolute_redirect')[0]?.value, 'relative redirects').toBe('off');
      for (const priv of ['/_server/probe', '/_headers']) expect(pick(locations, priv).returns, priv).toBe('404');
    });
  }

  it('nginx: the standalone config loads the brotli module and serves the same server as server.conf', () => {
    const standalone = parseNginx(path.join(DIST, '_server', 'nginx', 'nginx.conf'));
    expect(kids(standalone, 'load_module')[0]?.value).toMatch(/ngx_http_brotli_static_module\.so$/);
    const strip = (s: NginxNode) => JSON.stringify((s.children ?? []).filter((c) => c.name !== 'listen').map((c) => [c.name, c.value, c.children?.map((x) => [x.name, x.value])]));
    const block = kids(parseNginx(path.join(DIST, '_server', 'nginx', 'server.conf')), 'server')[0]!;
    expect(strip(kids(kids(standalone, 'http')[0]!, 'server')[0]!)).toBe(strip(block));
  });

  it('Caddyfile: caddy adapt reads it without a warning, and a path gets what _headers gives it', () => {
    const adapted = spawnSync('caddy', ['adapt', '--config', path.join(DIST, '_server', 'Caddyfile'), '--adapter', 'caddyfile'], { encoding: 'utf8' });
    expect(adapted.error?.message ?? '', 'caddy is installed (Debian: apt-get install caddy)').toBe('');
    expect(adapted.status, adapted.stderr).toBe(0);
    expect(adapted.stderr.trim(), 'caddy adapt warnings').toBe('');
    const config = JSON.parse(adapted.stdout) as { apps: { http: { servers: Record<string, { routes: CaddyRoute[]; errors?: { routes: CaddyRoute[] } }> } } };
    const servers = Object.values(config.apps.http.servers);
    expect(servers).toHaveLength(1);
    const { routes, errors } = servers[0]!;

    const problems: string[] = [];
    for (const p of probes) {
      const want = sorted(headersFor(rules, p));
      const got = sorted(caddyHeaders(routes, p));
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${p}:\n  _headers:\n    ${show(want)}\n  caddy:\n    ${show(got)}`);
    }
    // An error is answered with the 404 page and its headers, whatever path was asked for.
    const onError = sorted(caddyHeaders(errors?.routes ?? [], '/no-such-page/'));
    const notFound = sorted(headersFor(rules, '/404.html'));
    if (JSON.stringify(onError) !== JSON.stringify(notFound)) problems.push(`errors:\n  _headers /404.html:\n    ${show(notFound)}\n  caddy:\n    ${show(onError)}`);
    console.log(`Caddyfile: ${routes.length} routes, ${probes.length} paths compared, ${problems.length} problems`);
    expect(problems, problems.join('\n')).toEqual([]);

    const json = JSON.stringify(servers[0]);
    expect(json, 'file_server sends the precompressed files').toMatch(/"precompressed_order":\["br","gzip"\]/);
    expect(json, 'no compression on the fly').not.toMatch(/"handler":"encode"/);
  });
});
