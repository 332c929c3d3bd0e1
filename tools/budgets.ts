/** First-view byte budgets, on the strict side: text gzipped (level 6), compressed formats as they are; file system: scripts/budgets.ts. */
import { gzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { FIRST_VIEW_END_CLASS } from '../src/lib/ids.ts';
import { LOCALE } from '../src/lib/site.ts';

export { FIRST_VIEW_END_CLASS };

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export type Figure = 'critical' | 'html' | 'fontFiles' | 'fontBytes' | 'firstView' | 'requests' | 'js';

export interface Budget {
  figure: Figure;
  what: string;
  limit: number;
  unit: 'bytes gzipped' | 'bytes' | 'files' | 'requests';
}

/** Every budget, defined once: `npm test`, `npm run budgets` and the bench all read this table. */
export const BUDGETS: readonly Budget[] = [
  // What the browser needs to start rendering: it fits the first TCP round trip (about 14.6 KB, less headers).
  { figure: 'critical', what: 'HTML to the end of the short version + render-blocking CSS', limit: 14_000, unit: 'bytes gzipped' },
  { figure: 'html', what: 'the whole HTML', limit: 50_000, unit: 'bytes gzipped' },
  { figure: 'fontFiles', what: 'font files', limit: 2, unit: 'files' },
  { figure: 'fontBytes', what: 'font files together', limit: 30_000, unit: 'bytes' },
  { figure: 'firstView', what: 'everything on first view, not counting HTML after the short version', limit: 50_000, unit: 'bytes gzipped' },
  { figure: 'requests', what: 'requests on first view, the page included', limit: 6, unit: 'requests' },
  // None is needed to read.
  { figure: 'js', what: 'JavaScript', limit: 2_048, unit: 'bytes gzipped' },
];

/** The search page's first query, gzipped as served: everything Pagefind fetches (script, WebAssembly, index chunks, fragments). */
export const SEARCH_FIRST_QUERY = 150_000;

export const limitOf = (figure: Figure, budgets: readonly Budget[] = BUDGETS): number => budgets.find((b) => b.figure === figure)!.limit;

export type ResourceKind = 'css' | 'js' | 'image' | 'font' | 'icon' | 'other';

export interface Resource {
  url: string;
  kind: ResourceKind;
  blocking: boolean;
  bytes: number;
  missing: boolean;
}

export interface PageFigures extends Record<Figure, number> {
  page: string;
  /** The HTML up to the end of the short version (all of it when there is none), gzipped. */
  firstHtml: number;
  blockingCss: number;
  total: number;
  resources: Resource[];
}

export type Loader = (url: URL) => Uint8Array | undefined;

const RAW = /\.(png|jpe?g|gif|webp|avif|woff2?|mp4|webm|pdf|zip|gz|br)$/i;

export function gzipSize(data: Uint8Array | string): number {
  return gzipSync(typeof data === 'string' ? Buffer.from(data) : data, { level: 6 }).length;
}

export function transferSize(data: Uint8Array, pathname: string): number {
  return RAW.test(pathname) ? data.length : gzipSize(data);
}

/** The HTML standard's JavaScript MIME types, "" and "module". */
const JS_TYPE = /^(|module|(text|application)\/(x-)?(javascript|ecmascript)|text\/(jscript|livescript))$/;

/** Whether a <script type> is JavaScript (anything else, like application/ld+json, is a data block). */
export function isJavaScriptType(type: string | undefined): boolean {
  return type === undefined || JS_TYPE.test(type.trim().toLowerCase().split(';')[0]!.trim());
}

/** A stylesheet whose every media query is for print does not block the first paint. */
export function isPrintOnly(media: string | undefined): boolean {
  if (!media?.trim()) return false;
  return media.split(',').every((q) => /^\s*(only\s+)?print\b/i.test(q) || /^\s*not\s+all\s*$/i.test(q));
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const relTokens = (el: Element) => (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
const textOf = (el: Element) =>
  el.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : '')).join('');

function walk(node: Node, fn: (el: Element) => void) {
  if ('tagName' in node) fn(node);
  if ('childNodes' in node) for (const c of node.childNodes) walk(c, fn);
  if (node.nodeName === 'template') for (const c of (node as DefaultTreeAdapterMap['template']).content.childNodes) walk(c, fn);
}

export function cssReferences(css: string): { imports: string[]; urls: string[] } {
  const noComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const imports: string[] = [];
  const rest = noComments.replace(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1\s*\)?[^;]*;?/gi, (_, _q, ref: string) => {
    imports.push(ref);
    return '';
  });
  const urls = [...rest.matchAll(/url\(\s*(["']?)([^"')]*?)\1\s*\)/gi)].map((m) => m[2]!.trim()).filter((u) => u && !u.startsWith('#'));
  return { imports, urls };
}

/** Static import / export-from specifiers of a JavaScript file (dynamic import() is not first view). */
export function jsImports(js: string): string[] {
  const found: string[] = [];
  for (const m of js.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'])([^"']+)\1/g)) {
    const spec = m[2]!;
    if (/^(\.{1,2}\/|\/|https?:)/.test(spec)) found.push(spec);
  }
  return found;
}

const FONT = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;
const ignoredScheme = /^(data|blob|about|javascript|mailto|tel):/i;

export function measurePage(html: string, pageUrl: URL, load: Loader): PageFigures {
  const resources = new Map<string, Resource>();
  const fetched = new Map<string, Uint8Array | undefined>();
  const origin = pageUrl.origin;
  const key = (u: URL) => (u.origin === origin ? u.pathname + u.search : u.href);
  const get = (u: URL) => {
    const k = key(u);
    if (!fetched.has(k)) fetched.set(k, u.origin === origin ? load(u) : undefined);
    return fetched.get(k);
  };

  const add = (ref: string | undefined, base: URL, kind: ResourceKind, blocking = false): void => {
    if (!ref?.trim() || ignoredScheme.test(ref.trim())) return;
    let u: URL;
    try {
      u = new URL(ref.trim(), base);
    } catch {
      return;
    }
    u.hash = '';
    const k = key(u);
    const seen = resources.get(k);
    if (seen) {
      seen.blocking ||= blocking;
      return;
    }
    const data = get(u);
    resources.set(k, { url: k, kind, blocking, bytes: data ? transferSize(data, u.pathname) : 0, missing: !data });
    if (!data) return;
    const text = kind === 'css' || kind === 'js' ? new TextDecoder().decode(data) : '';
    if (kind === 'css') addCss(text, u, blocking);
    if (kind === 'js') for (const spec of jsImports(text)) add(spec, u, 'js');
  };
  const addCss = (css: string, base: URL, blocking: boolean) => {
    const { imports, urls } = cssReferences(css);
    for (const i of imports) add(i, base, 'css', blocking);
    for (const u of urls) add(u, base, FONT.test(u) ? 'font' : 'image');
  };

  const doc = parse(html, { sourceCodeLocationInfo: true });
  const inlineJs: string[] = [];
  let icon = false;
  let firstViewEnd = html.length;
  let marked = false;
  walk(doc, (el) => {
    if (!marked && (attr(el, 'class') ?? '').split(/\s+/).includes(FIRST_VIEW_END_CLASS) && el.sourceCodeLocation) {
      marked = true;
      firstViewEnd = el.sourceCodeLocation.endOffset;
    }
    for (const a of el.attrs) if (/^on/i.test(a.name) && a.value.trim()) inlineJs.push(a.value);
    const style = attr(el, 'style');
    if (style) addCss(style, pageUrl, false);
    switch (el.tagName) {
      case 'script': {
        const src = attr(el, 'src');
        if (!isJavaScriptType(attr(el, 'type'))) break;
        if (src !== undefined) add(src, pageUrl, 'js');
        else {
          const code = textOf(el);
          if (code.trim()) inlineJs.push(code);
          for (const spec of jsImports(code)) add(spec, pageUrl, 'js');
        }
        break;
      }
      case 'style':
        addCss(textOf(el), pageUrl, true);
        break;
      case 'link': {
        const rel = relTokens(el);
        const href = attr(el, 'href');
        if (rel.includes('stylesheet') && attr(el, 'disabled') === undefined) add(href, pageUrl, 'css', !isPrintOnly(attr(el, 'media')));
        else if (rel.includes('modulepreload')) add(href, pageUrl, 'js');
        else if (rel.includes('preload')) {
          const as = attr(el, 'as');
          add(href, pageUrl, as === 'style' ? 'css' : as === 'script' ? 'js' : as === 'font' ? 'font' : as === 'image' ? 'image' : 'other');
        } else if (rel.includes('icon') && !icon) {
          icon = true;
          add(href, pageUrl, 'icon');
        }
        break;
      }
      case 'img':
        add(attr(el, 'src') ?? attr(el, 'srcset')?.trim().split(/\s+/)[0], pageUrl, 'image');
        break;
      case 'video':
        add(attr(el, 'poster'), pageUrl, 'image');
        break;
      case 'input':
        if (attr(el, 'type')?.toLowerCase() === 'image') add(attr(el, 'src'), pageUrl, 'image');
        break;
      case 'use':
      case 'image': {
        const href = attr(el, 'href') ?? attr(el, 'xlink:href');
        if (href && !href.startsWith('#')) add(href, pageUrl, 'image');
        break;
      }
      case 'iframe':
        add(attr(el, 'src'), pageUrl, 'other');
        break;
    }
  });
  // Without an icon link, browsers ask for /favicon.ico.
  if (!icon) add('/favicon.ico', pageUrl, 'icon');

  const list = [...resources.values()];
  const htmlBytes = gzipSize(html);
  const firstHtml = marked ? gzipSize(html.slice(0, firstViewEnd)) : htmlBytes;
  const blockingCss = list.filter((r) => r.kind === 'css' && r.blocking).reduce((s, r) => s + r.bytes, 0);
  const js = (inlineJs.length ? gzipSize(inlineJs.join('\n')) : 0) + list.filter((r) => r.kind === 'js').reduce((s, r) => s + r.bytes, 0);
  const fonts = list.filter((r) => r.kind === 'font');
  const others = list.reduce((s, r) => s + r.bytes, 0);
  return {
    page: pageUrl.pathname,
    html: htmlBytes,
    firstHtml,
    blockingCss,
    critical: firstHtml + blockingCss,
    js,
    fontFiles: fonts.length,
    fontBytes: fonts.reduce((s, r) => s + r.bytes, 0),
    firstView: firstHtml + others,
    total: htmlBytes + others,
    requests: 1 + list.length,
    resources: list,
  };
}

const n = (v: number) => v.toLocaleString(LOCALE);
export function budgetProblems(f: PageFigures, budgets: readonly Budget[] = BUDGETS): string[] {
  const out: string[] = [];
  for (const b of budgets) {
    const value = f[b.figure];
    if (value > b.limit) out.push(`${f.page}: ${b.what}: ${n(value)} ${b.unit}, over the ${n(b.limit)} budget by ${n(value - b.limit)}`);
  }
  for (const r of f.resources) if (r.missing) out.push(`${f.page}: refers to ${r.url} (${r.kind}), which is not in the build`);
  if (out.length && f.requests > limitOf('requests', budgets)) out.push(`${f.page}: requests are the page + ${f.resources.map((r) => r.url).join(', ')}`);
  return out;
}

const SHORT: Record<Figure, string> = { critical: 'first HTML + CSS', html: 'HTML', fontFiles: 'fonts', fontBytes: 'font bytes', firstView: 'first view', requests: 'requests', js: 'JS' };

export function formatTable(rows: readonly PageFigures[], budgets: readonly Budget[] = BUDGETS): string {
  const head = ['page', ...budgets.map((b) => SHORT[b.figure]), ''];
  const body = rows.map((f) => [f.page, ...budgets.map((b) => n(f[b.figure])), budgetProblems(f, budgets).length ? 'OVER' : 'ok']);
  const foot = ['budget', ...budgets.map((b) => `≤ ${n(b.limit)}`), ''];
  const all = [head, ...body, foot];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line), line(foot)].join('\n');
}

export function formatBudgets(budgets: readonly Budget[] = BUDGETS): string {
  return budgets.map((b) => `- ${b.what}: at most ${n(b.limit)} ${b.unit}`).join('\n');
}
