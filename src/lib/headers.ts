/**
 * The header table: every response header the site sets, defined once here.
 * The build (src/integrations/server-config.ts) fills it with each page's
 * Content-Security-Policy and writes it out three ways: dist/_headers for
 * hosts that read it (Netlify, Cloudflare Pages), nginx configs, and a
 * Caddyfile. The rules are in the _headers syntax, whose meaning the other two
 * reproduce: a path is exact ("/a/") or a prefix ending in "*" ("/_astro/*"),
 * and a response carries the headers of every rule that matches its path.
 */

export type Header = readonly [name: string, value: string];
export interface HeaderRule {
  /** "/a/" (exact) or "/_astro/*" (prefix). */
  path: string;
  headers: Header[];
}

/** Sent with every response. */
export const SECURITY_HEADERS: readonly Header[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
];

/** Files whose names carry a hash of their content: they never change. */
export const HASHED_ASSETS = '/_astro/*';
export const CACHE_HASHED = 'public, max-age=31536000, immutable';
/** Pages, the feed and the sitemap: five minutes, so a correction reaches readers soon. */
export const CACHE_SHORT = 'public, max-age=300';
/** Only a header can carry this directive; the page's <meta> policy cannot. */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";
/** Where the build writes the nginx and Caddy configs; never served. */
export const SERVER_CONFIG_DIR = '_server';
/** Paths a server must not serve: the configs, and the _headers file itself. */
export const PRIVATE_PATHS = [`/${SERVER_CONFIG_DIR}/*`, '/_headers'] as const;

export interface BuiltPage {
  /** The URL paths that serve it: ["/", "/index.html"], ["/404.html"]. */
  urlPaths: string[];
  /** The policy of its <meta http-equiv="content-security-policy">. */
  csp: string;
}

/** The CSP header of a page: its <meta> policy, plus frame-ancestors. */
export const cspHeader = (metaPolicy: string) => `${metaPolicy.trim().replace(/;\s*$/, '')}; ${FRAME_ANCESTORS}`;

/** The whole table for a build: its pages (with their policies) and its other short-cached files (feed, sitemaps). */
export function headerRules(site: { pages: BuiltPage[]; shortCached: string[] }): HeaderRule[] {
  const rules: HeaderRule[] = [
    { path: '/*', headers: [...SECURITY_HEADERS] },
    { path: HASHED_ASSETS, headers: [['Cache-Control', CACHE_HASHED]] },
  ];
  for (const page of site.pages) {
    for (const p of page.urlPaths) rules.push({ path: p, headers: [['Cache-Control', CACHE_SHORT], ['Content-Security-Policy', cspHeader(page.csp)]] });
  }
  for (const p of site.shortCached) rules.push({ path: p, headers: [['Cache-Control', CACHE_SHORT]] });
  checkRules(rules);
  return rules;
}

/** Whether a rule's path matches a URL path. */
export function ruleMatches(rulePath: string, urlPath: string): boolean {
  return rulePath.endsWith('*') ? urlPath.startsWith(rulePath.slice(0, -1)) : urlPath === rulePath;
}

/** A table's rules by exact path, and its few prefix rules: a lookup per path, not a scan of every page's rule. */
const indexes = new WeakMap<HeaderRule[], { length: number; exact: Map<string, number[]>; prefix: number[] }>();
function indexOf(rules: HeaderRule[]) {
  let index = indexes.get(rules);
  if (!index || index.length !== rules.length) {
    index = { length: rules.length, exact: new Map(), prefix: [] };
    for (const [i, r] of rules.entries()) {
      if (r.path.endsWith('*')) index.prefix.push(i);
      else index.exact.set(r.path, [...(index.exact.get(r.path) ?? []), i]);
    }
    indexes.set(rules, index);
  }
  return index;
}

/** Every header a URL path gets: those of every matching rule, in table order. */
export function headersFor(rules: HeaderRule[], urlPath: string): Header[] {
  const { exact, prefix } = indexOf(rules);
  const matching = [...prefix.filter((i) => ruleMatches(rules[i]!.path, urlPath)), ...(exact.get(urlPath) ?? [])].sort((a, b) => a - b);
  return matching.flatMap((i) => rules[i]!.headers);
}

/**
 * Refuses a table the three outputs could not all express the same way: a header set twice for
 * one path (_headers hosts would join the values, nginx would send both), a prefix rule that is
 * not a folder, and values that need quoting nginx or Caddy would read differently.
 */
function checkRules(rules: HeaderRule[]): void {
  for (const rule of rules) {
    if (!rule.path.startsWith('/') || rule.path.slice(0, -1).includes('*') || (rule.path.endsWith('*') && !rule.path.endsWith('/*'))) {
      throw new Error(`header rule "${rule.path}": a path is exact or ends in "/*"`);
    }
    for (const [name, value] of rule.headers) {
      if (!/^[A-Za-z0-9-]+$/.test(name) || /["\\$\n\r{}]/.test(value)) throw new Error(`header rule "${rule.path}": ${name}: ${value} cannot be written safely`);
    }
  }
  for (const rule of rules) {
    const probe = rule.path.endsWith('*') ? `${rule.path.slice(0, -1)}x` : rule.path;
    const names = headersFor(rules, probe).map(([n]) => n.toLowerCase());
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    if (twice.length) throw new Error(`header rule "${rule.path}": ${twice.join(', ')} set by more than one rule`);
  }
}

// ---------------------------------------------------------------- _headers

export function toHeadersFile(rules: HeaderRule[]): string {
  const head = [
    '# Response headers for hosts that read _headers (Netlify, Cloudflare Pages, …).',
    '# Written by the build from the header table in src/lib/headers.ts; the nginx and Caddy',
    `# configs in ${SERVER_CONFIG_DIR}/ carry the same rules. Each page's Content-Security-Policy is the`,
    "# policy of its <meta http-equiv>, with the hashes of its own scripts and styles, plus frame-ancestors.",
  ];
  return `${head.join('\n')}\n${rules.map((r) => `${r.path}\n${r.headers.map(([n, v]) => `  ${n}: ${v}`).join('\n')}`).join('\n\n')}\n`;
}

// ---------------------------------------------------------------- nginx

export interface NginxOptions {
  /** The absolute path of the built site on the server. */
  root: string;
  /** The path of the 404 page ("/404.html"). */
  notFound: string;
  /** File extensions in the build and their MIME types, for the standalone config's `types`. */
  types: Record<string, string>;
}

/** The brotli module from Debian's libnginx-mod-http-brotli-static. */
export const NGINX_BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
/** The address the standalone config listens on; `npm run serve:nginx` sets the port. */
export const NGINX_STANDALONE_LISTEN = '127.0.0.1:8080';

const q = (s: string) => `"${s}"`;

/**
 * nginx serves a URL ending in "/" through the index module, which hands the request on to
 * ".../index.html": the location that answers, and so the headers sent, is that file's.
 */
export const nginxLocationPath = (urlPath: string) => (urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);

/**
 * The configs for nginx, as files under _server/nginx/:
 * - security-headers.conf: the headers of "/*", included in every location (an add_header in a
 *   location drops every add_header set above it, so each location carries all of its own);
 * - server.conf: a server { } block to include in the http { } of an existing nginx;
 * - nginx.conf: a standalone config with the same server, which loads the brotli module.
 */
export function toNginx(rules: HeaderRule[], options: NginxOptions): Record<string, string> {
  const dir = `${options.root.replace(/\/+$/, '')}/${SERVER_CONFIG_DIR}/nginx`;
  const snippetFile = `${dir}/security-headers.conf`;
  const every = rules.find((r) => r.path === '/*');
  if (!every) throw new Error('the header table has no "/*" rule');
  const addHeaders = (headers: Header[], indent: string) => headers.map(([n, v]) => `${indent}add_header ${n} ${q(v)} always;`);

  // One location per rule (exact rules that reach the same file share one), each with all its headers.
  const locations = new Map<string, Header[]>();
  const locationOf = (r: HeaderRule) => (r.path.endsWith('*') ? `^~ ${r.path.slice(0, -1)}` : `= ${nginxLocationPath(r.path)}`);
  for (const rule of rules) {
    if (rule === every) continue;
    const key = locationOf(rule);
    const headers = rule.path.endsWith('*') ? headersFor(rules, `${rule.path.slice(0, -1)}x`) : headersFor(rules, rule.path);
    const own = headers.filter((h) => !every.headers.includes(h));
    const before = locations.get(key);
    if (before && JSON.stringify(before) !== JSON.stringify(own)) throw new Error(`nginx location ${key}: rules for it disagree`);
    locations.set(key, own);
  }

  const server = (listen: string[]) => [
    'server {',
    ...listen.map((l) => `    listen ${l};`),
    '    server_name _;',
    `    root ${q(options.root)};`,
    '    index index.html;',
    '    charset utf-8;',
    '    charset_types text/css text/plain text/xml text/javascript application/javascript application/json application/xml application/rss+xml image/svg+xml;',
    '    server_tokens off;',
    '    # "/story" redirects to "/story/" with a relative Location, right behind any host name or proxy.',
    '    absolute_redirect off;',
    '    # Never compress on the fly: the build wrote .br and .gz beside each text file.',
    '    gzip off;',
    '    gzip_static on;',
    '    brotli_static on;',
    '    gzip_vary on;',
    '    gzip_proxied any;',
    `    error_page 403 404 =404 ${options.notFound};`,
    '    log_not_found off;',
    '',
    '    location / {',
    `        include ${q(snippetFile)};`,
    '    }',
    ...PRIVATE_PATHS.flatMap((p) => [`    location ${p.endsWith('*') ? `^~ ${p.slice(0, -1)}` : `= ${p}`} {`, '        return 404;', '    }']),
    ...[...locations].flatMap(([key, headers]) => [`    location ${key} {`, `        include ${q(snippetFile)};`, ...addHeaders(headers, '        '), '    }']),
    '}',
  ];

  const head = (what: string) => [
    `# ${what}`,
    '# Written by the build from the header table in src/lib/headers.ts (the same rules as _headers).',
    '# Rebuild rather than edit: each page\'s Content-Security-Policy holds the hashes of that build.',
  ];
  const standalone = [
    ...head('Standalone nginx config for this build: `npm run serve:nginx` runs it (Debian: apt-get install nginx libnginx-mod-http-brotli-static).'),
    '# By hand: nginx -p <writable folder for pid, logs and temp files> -e stderr -c <this file> -g "daemon off;"',
    `load_module ${NGINX_BROTLI_MODULE};`,
    'worker_processes auto;',
    '# Relative to the -p folder, so nothing is written to /var or /etc.',
    'pid nginx.pid;',
    'error_log error.log warn;',
    'events {',
    '    worker_connections 1024;',
    '}',
    'http {',
    '    types {',
    ...Object.entries(options.types).sort(([a], [b]) => a.localeCompare(b)).map(([ext, type]) => `        ${type} ${ext};`),
    '    }',
    '    default_type application/octet-stream;',
    '    access_log off;',
    '    sendfile on;',
    '    tcp_nopush on;',
    '    client_body_temp_path temp/client_body;',
    '    proxy_temp_path temp/proxy;',
    '    fastcgi_temp_path temp/fastcgi;',
    '    uwsgi_temp_path temp/uwsgi;',
    '    scgi_temp_path temp/scgi;',
    '',
    ...server([NGINX_STANDALONE_LISTEN]).map((l) => (l ? `    ${l}` : l)),
    '}',
  ];
  const block = [
    ...head('nginx server block for this build: include it in the http { } of nginx.conf.'),
    '# It needs gzip_static (in Debian\'s nginx) and brotli_static: load_module',
    `# ${NGINX_BROTLI_MODULE} (Debian: libnginx-mod-http-brotli-static) in the main config.`,
    '# Behind a TLS terminator or CDN; for TLS here, add listen 443 ssl and the certificates.',
    ...server(['80', '[::]:80']),
  ];
  const snippet = [
    ...head('The headers every response carries; each location of server.conf includes this file.'),
    ...addHeaders(every.headers, ''),
  ];
  return {
    'security-headers.conf': `${snippet.join('\n')}\n`,
    'server.conf': `${block.join('\n')}\n`,
    'nginx.conf': `${standalone.join('\n')}\n`,
  };
}

// ---------------------------------------------------------------- Caddy

export interface CaddyOptions {
  root: string;
  notFound: string;
}

/**
 * A Caddyfile with the same rules. SITE_ADDRESS sets the site's address when Caddy starts
 * (default ":8080"; a host name turns on Caddy's automatic HTTPS); CADDY_ADMIN its admin endpoint.
 */
export function toCaddyfile(rules: HeaderRule[], options: CaddyOptions): string {
  const header = (rule: HeaderRule, indent: string) => {
    const matcher = rule.path === '/*' ? '' : ` ${rule.path}`;
    return [`${indent}header${matcher} {`, ...rule.headers.map(([n, v]) => `${indent}\t${n} ${q(v)}`), `${indent}}`];
  };
  const notFoundRules = rules.filter((r) => r.path === '/*' || r.path === options.notFound);
  const lines = [
    '# Caddyfile for this build: caddy run --config dist/_server/Caddyfile (Debian: apt-get install caddy).',
    '# Written by the build from the header table in src/lib/headers.ts (the same rules as _headers).',
    '# SITE_ADDRESS: the address to serve (default :8080; a domain name turns on automatic HTTPS).',
    '{',
    '\tadmin {$CADDY_ADMIN:localhost:2019}',
    '}',
    '',
    '{$SITE_ADDRESS::8080} {',
    `\troot * ${q(options.root)}`,
    ...rules.flatMap((r) => header(r, '\t')),
    ...PRIVATE_PATHS.map((p) => `\terror ${p} 404`),
    '\t# file_server redirects "/story" to "/story/" (relative Location), and serves the .br and .gz',
    '\t# the build wrote beside each text file: Caddy never compresses on the fly.',
    '\t# Caddy 2.6 sends Vary only with a compressed reply; caches need it on the plain one too',
    '\t# (set when the reply is written, so it is not sent twice).',
    '\theader {',
    '\t\tVary Accept-Encoding',
    '\t\tdefer',
    '\t}',
    '\tfile_server {',
    '\t\tprecompressed br gzip',
    '\t}',
    '\thandle_errors {',
    `\t\trewrite * ${options.notFound}`,
    // The headers of the page that answers, not of the path asked for (no immutable cache on a 404).
    ...notFoundRules.flatMap((r) => header({ ...r, path: '/*' }, '\t\t')),
    '\t\tfile_server {',
    '\t\t\tprecompressed br gzip',
    '\t\t}',
    '\t}',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
