/**
 * Every response header the site sets, in _headers syntax ("/*", then folders whose headers replace those of "/*"), written
 * after each build as _headers, nginx and Caddy configs. It does not depend on the pages: each page's scripts and styles
 * are allowed by the <meta> CSP Astro writes into it, and a browser enforces both policies.
 */
import { cspDirectives } from './csp.ts';

export type Header = readonly [name: string, value: string];
export interface HeaderRule {
  path: string;
  headers: Header[];
}

export const SECURITY_HEADERS: readonly Header[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
];

/** Only what a <meta> policy cannot carry, or that restricts neither scripts nor styles (without a page's hashes, it would block them). */
export const CSP_HEADER = ["frame-ancestors 'none'", ...cspDirectives.filter((d) => /^(object-src|base-uri|form-action) /.test(d))].join('; ');
export const CACHE_HASHED = 'public, max-age=31536000, immutable';
/** Pages, the feed and the rest: five minutes, so a correction reaches readers soon. */
export const CACHE_SHORT = 'public, max-age=300';
/** Preview cards carry no hash and a correction may redraw one, but only crawlers fetch them: a day. */
export const CACHE_CARDS = 'public, max-age=86400';
export const SERVER_CONFIG_DIR = '_server';
export const PRIVATE_PATHS = [`/${SERVER_CONFIG_DIR}/*`, '/_headers'] as const;
export const NOT_FOUND = '/404.html';

export const HEADER_RULES: HeaderRule[] = [
  { path: '/*', headers: [...SECURITY_HEADERS, ['Content-Security-Policy', CSP_HEADER], ['Cache-Control', CACHE_SHORT]] },
  { path: '/_astro/*', headers: [['Cache-Control', CACHE_HASHED]] },
  { path: '/og/*', headers: [['Cache-Control', CACHE_CARDS]] },
];

const folder = (rule: HeaderRule) => rule.path.slice(0, -1);
const named = (headers: readonly Header[], name: string) => headers.some(([n]) => n.toLowerCase() === name.toLowerCase());

/** The headers a URL path gets: those of "/*", each replaced by that of a folder holding the path. */
function headersFor(rules: HeaderRule[], urlPath: string): Header[] {
  const out = new Map<string, Header>();
  for (const r of rules) if (urlPath.startsWith(folder(r))) for (const h of r.headers) out.set(h[0].toLowerCase(), h);
  return [...out.values()];
}

/** The headers every response carries, and what each folder, and every path outside them ("/"), gets on top. */
function locations(rules: HeaderRule[]) {
  const [every, ...folders] = rules;
  const always = every!.headers.filter(([n]) => !folders.some((f) => named(f.headers, n)));
  const own = (prefix: string) => ({ prefix, headers: headersFor(rules, prefix).filter((h) => !always.includes(h)) });
  return { always, elsewhere: own('/'), folders: folders.map((f) => own(folder(f))) };
}

export function serverConfigs(root: string, rules = HEADER_RULES): Record<string, string> {
  const out: Record<string, string> = { _headers: toHeadersFile(rules), [`${SERVER_CONFIG_DIR}/Caddyfile`]: toCaddyfile(rules, root) };
  for (const [name, text] of Object.entries(toNginx(rules, root))) out[`${SERVER_CONFIG_DIR}/nginx/${name}`] = text;
  return out;
}

/**
 * A folder rule first drops ("! Name") a header "/*" gave: Cloudflare Pages applies the rules in order and would
 * otherwise join the two values.
 */
function toHeadersFile(rules: HeaderRule[]): string {
  const head = [
    '# Response headers for hosts that read _headers (Netlify, Cloudflare Pages, …).',
    '# Written by the build from the header table in src/lib/headers.ts; the nginx and Caddy',
    `# configs in ${SERVER_CONFIG_DIR}/ carry the same rules. A folder's header replaces the one of "/*"`,
    "# (\"! Name\" drops it first). Each page's scripts and styles are allowed by the CSP <meta> in it.",
  ];
  const lines = (r: HeaderRule) => r.headers.flatMap(([n, v]) => [...(r !== rules[0] && named(rules[0]!.headers, n) ? [`  ! ${n}`] : []), `  ${n}: ${v}`]);
  return `${head.join('\n')}\n${rules.map((r) => [r.path, ...lines(r)].join('\n')).join('\n\n')}\n`;
}

export const NGINX_BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const NGINX_MIME_TYPES = '/etc/nginx/mime.types';
export const NGINX_STANDALONE_LISTEN = '127.0.0.1:8080';

const q = (s: string) => `"${s}"`;

/**
 * An add_header in a location drops every add_header above it, so each location includes security-headers.conf.
 * Every page is in location "/", so the number of locations does not depend on the pages.
 */
function toNginx(rules: HeaderRule[], root: string): Record<string, string> {
  const snippetFile = `${root.replace(/\/+$/, '')}/${SERVER_CONFIG_DIR}/nginx/security-headers.conf`;
  const { always, elsewhere, folders } = locations(rules);
  const addHeaders = (headers: readonly Header[], indent: string) => headers.map(([n, v]) => `${indent}add_header ${n} ${q(v)} always;`);
  const location = (match: string, headers: Header[]) => [`    location ${match} {`, `        include ${q(snippetFile)};`, ...addHeaders(headers, '        '), '    }'];

  const server = (listen: string[]) => [
    'server {',
    ...listen.map((l) => `    listen ${l};`),
    '    server_name _;',
    `    root ${q(root)};`,
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
    `    error_page 403 404 =404 ${NOT_FOUND};`,
    '    log_not_found off;',
    '',
    ...location('/', elsewhere.headers),
    ...PRIVATE_PATHS.flatMap((p) => [`    location ${p.endsWith('*') ? `^~ ${p.slice(0, -1)}` : `= ${p}`} {`, '        return 404;', '    }']),
    ...folders.flatMap((f) => location(`^~ ${f.prefix}`, f.headers)),
    '}',
  ];

  const head = (what: string) => [`# ${what}`, '# Written by the build from the header table in src/lib/headers.ts (the same rules as _headers).'];
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
    `    include ${NGINX_MIME_TYPES};`,
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
  const snippet = [...head('The headers every response carries; each location of server.conf includes this file.'), ...addHeaders(always, '')];
  return {
    'security-headers.conf': `${snippet.join('\n')}\n`,
    'server.conf': `${block.join('\n')}\n`,
    'nginx.conf': `${standalone.join('\n')}\n`,
  };
}

/** A header a folder replaces is set outside the folders by a matcher of its own, not left to Caddy's handler order. */
function toCaddyfile(rules: HeaderRule[], root: string): string {
  const { always, elsewhere, folders } = locations(rules);
  const header = (matcher: string, headers: Header[], indent = '\t') =>
    headers.length ? [`${indent}header${matcher} {`, ...headers.map(([n, v]) => `${indent}\t${n} ${q(v)}`), `${indent}}`] : [];
  const lines = [
    '# Caddyfile for this build: caddy run --config dist/_server/Caddyfile (Debian: apt-get install caddy).',
    '# Written by the build from the header table in src/lib/headers.ts (the same rules as _headers).',
    '# SITE_ADDRESS: the address to serve (default :8080; a domain name turns on automatic HTTPS).',
    '{',
    '\tadmin {$CADDY_ADMIN:localhost:2019}',
    '}',
    '',
    '{$SITE_ADDRESS::8080} {',
    `\troot * ${q(root)}`,
    ...header('', always),
    ...(elsewhere.headers.length ? [`\t@elsewhere not path ${folders.map((f) => `${f.prefix}*`).join(' ')}`, ...header(' @elsewhere', elsewhere.headers)] : []),
    ...folders.flatMap((f) => header(` ${f.prefix}*`, f.headers)),
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
    `\t\trewrite * ${NOT_FOUND}`,
    // The headers of the page that answers, not of the path asked for (no immutable cache on a 404).
    ...header('', headersFor(rules, NOT_FOUND), '\t\t'),
    '\t\tfile_server {',
    '\t\t\tprecompressed br gzip',
    '\t\t}',
    '\t}',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
