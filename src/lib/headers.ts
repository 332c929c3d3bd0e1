/** Every response header, written after each build for _headers hosts, nginx and Caddy; each page's own CSP is the <meta> Astro writes. */
import { cspDirectives } from './csp.ts';

type Header = readonly [name: string, value: string];

/** Only what a <meta> policy cannot carry, or that restricts neither scripts nor styles (without a page's hashes, it would block them). */
const CSP_HEADER = ["frame-ancestors 'none'", ...cspDirectives.filter((d) => /^(object-src|base-uri|form-action) /.test(d))].join('; ');
/** Sent with every response. */
const ALWAYS: readonly Header[] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Content-Security-Policy', CSP_HEADER],
];
/** "/" is every path outside the others: pages five minutes, so a correction reaches readers soon; cards (no hash, crawlers only) a day. */
const CACHE = [
  ['/', 'public, max-age=300'],
  ['/_astro/', 'public, max-age=31536000, immutable'],
  ['/og/', 'public, max-age=86400'],
] as const;
const FOLDERS = CACHE.slice(1);
const cacheHeader = (value: string): Header[] => [['Cache-Control', value]];
export const SERVER_CONFIG_DIR = '_server';
const PRIVATE_PATHS = [`/${SERVER_CONFIG_DIR}/*`, '/_headers'] as const;
export const NOT_FOUND = '/404.html';

export function serverConfigs(root: string): Record<string, string> {
  const out: Record<string, string> = { _headers: toHeadersFile(), [`${SERVER_CONFIG_DIR}/Caddyfile`]: toCaddyfile(root) };
  for (const [name, text] of Object.entries(toNginx(root))) out[`${SERVER_CONFIG_DIR}/nginx/${name}`] = text;
  return out;
}

/**
 * A folder drops ("! Name") the header "/*" gave: Cloudflare Pages applies the rules in order and would otherwise join the
 * two values. Netlify skips a line without a colon, and for a header two rules set keeps the later rule's value.
 */
function toHeadersFile(): string {
  const head = [
    '# Response headers for hosts that read _headers (Netlify, Cloudflare Pages, …).',
    '# Written by the build from the header table in src/lib/headers.ts; the nginx and Caddy',
    `# configs in ${SERVER_CONFIG_DIR}/ carry the same rules. A folder's header replaces the one of "/*"`,
    "# (\"! Name\" drops it first). Each page's scripts and styles are allowed by the CSP <meta> in it.",
  ];
  const rule = ([prefix, cache]: (typeof CACHE)[number]) =>
    [`${prefix}*`, ...(prefix === '/' ? ALWAYS.map(([n, v]) => `  ${n}: ${v}`) : ['  ! Cache-Control']), `  Cache-Control: ${cache}`].join('\n');
  return `${head.join('\n')}\n${CACHE.map(rule).join('\n\n')}\n`;
}

export const NGINX_BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const NGINX_MIME_TYPES = '/etc/nginx/mime.types';
export const NGINX_STANDALONE_LISTEN = '127.0.0.1:8080';

const q = (s: string) => `"${s}"`;

/** An add_header in a location drops every one above it, so each location includes the snippet; every page is in location "/". */
function toNginx(root: string): Record<string, string> {
  const snippetFile = `${root.replace(/\/+$/, '')}/${SERVER_CONFIG_DIR}/nginx/security-headers.conf`;
  const addHeaders = (headers: readonly Header[], indent: string) => headers.map(([n, v]) => `${indent}add_header ${n} ${q(v)} always;`);
  const location = (match: string, headers: readonly Header[]) => [`    location ${match} {`, `        include ${q(snippetFile)};`, ...addHeaders(headers, '        '), '    }'];

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
    ...location('/', cacheHeader(CACHE[0][1])),
    ...PRIVATE_PATHS.flatMap((p) => [`    location ${p.endsWith('*') ? `^~ ${p.slice(0, -1)}` : `= ${p}`} {`, '        return 404;', '    }']),
    ...FOLDERS.flatMap(([prefix, cache]) => location(`^~ ${prefix}`, cacheHeader(cache))),
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
  const snippet = [...head('The headers every response carries; each location of server.conf includes this file.'), ...addHeaders(ALWAYS, '')];
  return {
    'security-headers.conf': `${snippet.join('\n')}\n`,
    'server.conf': `${block.join('\n')}\n`,
    'nginx.conf': `${standalone.join('\n')}\n`,
  };
}

/** A header a folder replaces is set outside the folders by a matcher of its own, not left to Caddy's handler order. */
function toCaddyfile(root: string): string {
  const header = (matcher: string, headers: readonly Header[], indent = '\t') =>
    [`${indent}header${matcher} {`, ...headers.map(([n, v]) => `${indent}\t${n} ${q(v)}`), `${indent}}`];
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
    ...header('', ALWAYS),
    `\t@elsewhere not path ${FOLDERS.map(([prefix]) => `${prefix}*`).join(' ')}`,
    ...header(' @elsewhere', cacheHeader(CACHE[0][1])),
    ...FOLDERS.flatMap(([prefix, cache]) => header(` ${prefix}*`, cacheHeader(cache))),
    ...PRIVATE_PATHS.map((p) => `\terror ${p} 404`),
    "\t# Pagefind's index and WebAssembly (gzipped inside): binary, under extensions Caddy does not know.",
    '\t@pagefind path *.pagefind *.pf_meta *.pf_index *.pf_fragment',
    '\theader @pagefind Content-Type application/octet-stream',
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
    ...header('', [...ALWAYS, ...cacheHeader(CACHE[0][1])], '\t\t'),
    '\t\tfile_server {',
    '\t\t\tprecompressed br gzip',
    '\t\t}',
    '\t}',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
