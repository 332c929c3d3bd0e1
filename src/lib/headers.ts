/**
 * The header table: every response header the site sets, defined once here, and written out
 * three ways after each build (src/integrations/server-config.ts): dist/_headers for hosts that
 * read it (Netlify, Cloudflare Pages), nginx configs, and a Caddyfile.
 *
 * The table does not depend on the pages, so what it writes is the same at 1 story and at
 * 1,000. Each page's own policy, with the hashes of its scripts and styles, is the <meta> CSP
 * Astro writes into it; the header is one site-wide policy with what only a header can carry
 * (frame-ancestors). A browser enforces both, so together they are as strict as one policy
 * holding everything.
 *
 * The rules are in the _headers syntax: "/*" for every response, then folders ("/_astro/*")
 * whose headers replace those of "/*" with the same name.
 */
import { cspDirectives } from './csp.ts';

export type Header = readonly [name: string, value: string];
export interface HeaderRule {
  /** "/*", or a folder: "/_astro/*". */
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

/**
 * The CSP header of every response: frame-ancestors, which a <meta> policy cannot carry, and the
 * page policy's directives that restrict neither scripts nor styles (a default-src, script-src or
 * style-src here, without a page's hashes, would block the inline scripts and styles its <meta> allows).
 */
export const CSP_HEADER = ["frame-ancestors 'none'", ...cspDirectives.filter((d) => /^(object-src|base-uri|form-action) /.test(d))].join('; ');
/** Files whose names carry a hash of their content: they never change. */
export const CACHE_HASHED = 'public, max-age=31536000, immutable';
/** Pages, the feed, the sitemaps and the few other files: five minutes, so a correction reaches readers soon. */
export const CACHE_SHORT = 'public, max-age=300';
/**
 * Preview cards (/og/): their names carry no hash, and a story's correction may redraw one, but
 * only link-preview crawlers fetch them and they seldom change: a day.
 */
export const CACHE_CARDS = 'public, max-age=86400';
/** Where the build writes the nginx and Caddy configs; never served. */
export const SERVER_CONFIG_DIR = '_server';
/** Paths a server must not serve: the configs, and the _headers file itself. */
export const PRIVATE_PATHS = [`/${SERVER_CONFIG_DIR}/*`, '/_headers'] as const;
/** The page that answers a path with nothing behind it. */
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

/**
 * The table as a server with locations writes it: the headers every response carries whatever its
 * path, and what each folder, and every path outside them (prefix "/"), gets on top.
 */
function locations(rules: HeaderRule[]) {
  const [every, ...folders] = rules;
  const always = every!.headers.filter(([n]) => !folders.some((f) => named(f.headers, n)));
  const own = (prefix: string) => ({ prefix, headers: headersFor(rules, prefix).filter((h) => !always.includes(h)) });
  return { always, elsewhere: own('/'), folders: folders.map((f) => own(folder(f))) };
}

/**
 * Refuses a table the three outputs could not all express the same way: anything but "/*" and then
 * folders that do not hold one another (nginx picks the longest prefix, _headers hosts apply every
 * rule), a header twice in a rule, and names or values nginx or Caddy would read differently.
 */
function checkRules(rules: HeaderRule[]): void {
  const [every, ...folders] = rules;
  if (every?.path !== '/*') throw new Error('the header table starts with "/*"');
  for (const f of folders) {
    if (!/^(\/[^/*]+)+\/\*$/.test(f.path)) throw new Error(`header rule "${f.path}": besides "/*", a rule is a folder, "/name/*"`);
    const inner = folders.find((o) => o !== f && o.path.startsWith(folder(f)));
    if (inner) throw new Error(`header rule "${f.path}" holds "${inner.path}"`);
  }
  for (const rule of rules) {
    for (const [i, [name, value]] of rule.headers.entries()) {
      if (!/^[A-Za-z0-9-]+$/.test(name) || /["\\$\n\r{}]/.test(value)) throw new Error(`header rule "${rule.path}": ${name}: ${value} cannot be written safely`);
      if (named(rule.headers.slice(0, i), name)) throw new Error(`header rule "${rule.path}": ${name} twice`);
    }
  }
}

/** Every file the table is written to, by path in the build: _headers and those under _server/. */
export function serverConfigs(root: string, rules = HEADER_RULES): Record<string, string> {
  checkRules(rules);
  const out: Record<string, string> = { _headers: toHeadersFile(rules), [`${SERVER_CONFIG_DIR}/Caddyfile`]: toCaddyfile(rules, root) };
  for (const [name, text] of Object.entries(toNginx(rules, root))) out[`${SERVER_CONFIG_DIR}/nginx/${name}`] = text;
  return out;
}

// ---------------------------------------------------------------- _headers

/**
 * A folder rule first drops ("! Name") a header "/*" gave, then sets its own: Cloudflare Pages
 * applies the rules in order and would otherwise join the two values. Netlify's parser skips a
 * line without a colon; for a header two rules set, its local server (netlify dev) keeps the
 * later rule's value.
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

// ---------------------------------------------------------------- nginx

/** The brotli module from Debian's libnginx-mod-http-brotli-static. */
export const NGINX_BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
/** nginx's table of file types (Debian: nginx-common). */
const NGINX_MIME_TYPES = '/etc/nginx/mime.types';
/** The address the standalone config listens on; `npm run serve:nginx` sets the port. */
export const NGINX_STANDALONE_LISTEN = '127.0.0.1:8080';

const q = (s: string) => `"${s}"`;

/**
 * The configs for nginx, as files under _server/nginx/:
 * - security-headers.conf: the headers every response carries, included in every location (an
 *   add_header in a location drops every add_header set above it, so each location carries all of its own);
 * - server.conf: a server { } block to include in the http { } of an existing nginx;
 * - nginx.conf: a standalone config with the same server, which loads the brotli module.
 * A page served as "/a/" is answered by "/a/index.html" (the index module hands the request on),
 * in location "/" like every page, so the number of locations does not depend on the pages.
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

// ---------------------------------------------------------------- Caddy

/**
 * A Caddyfile with the same rules. SITE_ADDRESS sets the site's address when Caddy starts
 * (default ":8080"; a host name turns on Caddy's automatic HTTPS); CADDY_ADMIN its admin endpoint.
 * A header a folder replaces is set outside the folders by a matcher of its own, not left to the
 * order Caddy runs its header handlers in.
 */
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
    ...header('', headersFor(rules, NOT_FOUND), '\t\t'),
    '\t\tfile_server {',
    '\t\t\tprecompressed br gzip',
    '\t\t}',
    '\t}',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
