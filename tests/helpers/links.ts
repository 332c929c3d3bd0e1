/**
 * A link checker for a built static site, reading files rather than a server:
 * every URL an HTML page references (links, images, scripts, stylesheets,
 * preview metadata) must resolve to a file in the build, every #fragment to an
 * id on the target page, and every URL on another origin must be one the page
 * is allowed to link to (a story's sources). Site URLs in XML files (sitemap,
 * feed) and in JSON-LD must resolve too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { fileFor, listFiles, urlPathOf } from './site.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** One URL a page references: the element, the attribute, and the value as written. */
export interface Ref {
  tag: string;
  attr: string;
  value: string;
}
export interface ParsedPage {
  ids: Set<string>;
  refs: Ref[];
  /** Text of <script type="application/ld+json"> blocks. */
  jsonLd: string[];
}

/** Attributes that hold a URL, by element. */
const URL_ATTRS: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href', 'imagesrcset'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  form: ['action'],
  button: ['formaction'],
  input: ['src', 'formaction'],
  base: ['href'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  blockquote: ['cite'],
  q: ['cite'],
  ins: ['cite'],
  del: ['cite'],
};

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (el: Element, name: string) => el.attrs.find((a) => (a.prefix ? `${a.prefix}:${a.name}` : a.name) === name)?.value;
const textOf = (el: Element) => el.childNodes.map((c) => ('value' in c && c.nodeName === '#text' ? c.value : '')).join('');

/** "a.png 1x, b.png 2x" → ["a.png", "b.png"]. */
export function srcsetUrls(srcset: string): string[] {
  // The HTML spec's algorithm, less the descriptor parsing: a URL runs to the next
  // space (trailing commas end it), then descriptors run to the next comma.
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else while (i < srcset.length && srcset[i] !== ',') i++;
    if (url) urls.push(url);
  }
  return urls;
}

/** The ids and URL references of one HTML document. */
export function parsePage(html: string): ParsedPage {
  const page: ParsedPage = { ids: new Set(), refs: [], jsonLd: [] };
  const walk = (node: Node) => {
    if (isElement(node)) {
      const tag = node.tagName;
      const id = attr(node, 'id');
      if (id) page.ids.add(id);
      const name = attr(node, 'name');
      if (tag === 'a' && name) page.ids.add(name);
      for (const a of URL_ATTRS[tag] ?? []) {
        const v = attr(node, a);
        if (v === undefined) continue;
        if (a.endsWith('srcset')) for (const u of srcsetUrls(v)) page.refs.push({ tag, attr: a, value: u });
        else page.refs.push({ tag, attr: a, value: v });
      }
      if (tag === 'meta') {
        const content = attr(node, 'content') ?? '';
        const key = attr(node, 'property') ?? attr(node, 'name') ?? attr(node, 'itemprop') ?? attr(node, 'http-equiv') ?? 'meta';
        const refresh = /^\s*\d+\s*[;,]\s*url\s*=\s*(.+)$/i.exec(content);
        if (refresh) page.refs.push({ tag, attr: key, value: refresh[1]!.replace(/^['"]|['"]$/g, '') });
        else if (/^(https?:)?\/\/|^\/(?!\/)/i.test(content.trim())) page.refs.push({ tag, attr: key, value: content.trim() });
      }
      if (tag === 'script' && attr(node, 'type') === 'application/ld+json') page.jsonLd.push(textOf(node));
    }
    if ('childNodes' in node) for (const c of node.childNodes) walk(c);
  };
  walk(parse(html));
  return page;
}

export interface LinkReport {
  pages: number;
  /** References to the site itself (relative or on its origin), fragments included. */
  internal: number;
  /** Of those, how many carry a #fragment that was checked against the target's ids. */
  fragments: number;
  /** References to other origins (all allowed, or listed in problems). */
  external: number;
  externalUrls: Set<string>;
  /** Site URLs found in XML files and JSON-LD, all checked. */
  dataUrls: number;
  problems: string[];
}

export interface CheckOptions {
  /** The built site. */
  dir: string;
  /** The site's public origin, "https://explainers.example.org": URLs on it are internal. */
  origin: string;
  /** The external URLs a page (by URL path) may reference. */
  allowedExternal: (pagePath: string) => ReadonlySet<string>;
}

/**
 * Checks every HTML and XML file in the build. A fragment "#top", and the
 * text-fragment directive ("#:~:text="), need no id, as in browsers.
 */
export function checkLinks({ dir, origin, allowedExternal }: CheckOptions): LinkReport {
  const report: LinkReport = { pages: 0, internal: 0, fragments: 0, external: 0, externalUrls: new Set(), dataUrls: 0, problems: [] };
  const files = listFiles(dir);
  const cache = new Map<string, ParsedPage>();
  const parsed = (file: string) => {
    let p = cache.get(file);
    if (!p) cache.set(file, (p = parsePage(readFileSync(path.join(dir, file), 'utf8'))));
    return p;
  };

  /** Checks a URL on the site; returns a problem or null. */
  const checkInternal = (url: URL): string | null => {
    const file = fileFor(url.pathname, dir);
    if (!file) return `${url.pathname} is not in the build`;
    const raw = url.hash.slice(1).split(':~:')[0]!;
    if (!raw) return null;
    report.fragments++;
    let fragment: string;
    try {
      fragment = decodeURIComponent(raw);
    } catch {
      return `#${raw} is not a valid fragment`;
    }
    if (!file.endsWith('.html')) return `#${fragment} points into ${file}, which is not a page`;
    if (!parsed(file).ids.has(fragment) && fragment.toLowerCase() !== 'top') return `${url.pathname} has no element with id "${fragment}"`;
    return null;
  };

  for (const file of files.filter((f) => f.endsWith('.html'))) {
    report.pages++;
    const pagePath = urlPathOf(file);
    const base = new URL(pagePath, origin);
    const allowed = allowedExternal(pagePath);
    const page = parsed(file);
    for (const ref of page.refs) {
      const where = `${ref.tag}[${ref.attr}]="${ref.value}" on ${pagePath}`;
      if (ref.value.trim() === '') {
        report.problems.push(`${where}: the URL is empty`);
        continue;
      }
      let url: URL;
      try {
        url = new URL(ref.value.trim(), base);
      } catch {
        report.problems.push(`${where}: not a valid URL`);
        continue;
      }
      if (url.protocol === 'data:') {
        if (!['img', 'source', 'link', 'image', 'use'].includes(ref.tag)) report.problems.push(`${where}: a data: URL is only for images`);
        continue;
      }
      if (url.origin === origin) {
        report.internal++;
        const problem = checkInternal(url);
        if (problem) report.problems.push(`${where}: ${problem}`);
        continue;
      }
      report.external++;
      report.externalUrls.add(url.href);
      if (!allowed.has(ref.value.trim()) && !allowed.has(url.href)) {
        report.problems.push(`${where}: links outside the site; only this page's story sources may (${allowed.size} allowed here)`);
      }
    }
    for (const json of page.jsonLd) {
      for (const m of json.matchAll(/https?:\/\/[^"\s\\]+/g)) {
        const url = new URL(m[0]);
        if (url.origin !== origin) continue;
        report.dataUrls++;
        const problem = checkInternal(url);
        if (problem) report.problems.push(`JSON-LD "${m[0]}" on ${pagePath}: ${problem}`);
      }
    }
  }

  for (const file of files.filter((f) => f.endsWith('.xml'))) {
    const xml = readFileSync(path.join(dir, file), 'utf8');
    for (const m of xml.matchAll(/https?:\/\/[^<>"'\s]+/g)) {
      const href = m[0].replace(/&amp;/g, '&');
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        continue;
      }
      if (url.origin !== origin) continue;
      report.dataUrls++;
      const problem = checkInternal(url);
      if (problem) report.problems.push(`"${href}" in ${file}: ${problem}`);
    }
  }
  return report;
}
