/**
 * Quality gate: security headers. Every page carries a Content-Security-Policy
 * <meta> with no 'unsafe-inline' or 'unsafe-eval' for scripts and no other
 * origin anywhere; every inline script and style is covered by a hash; and
 * dist/_headers gives each page a CSP header with what only a header can carry
 * (frame-ancestors) and none of what the page's hashes allow, the other security
 * headers and a short cache, and hashed assets a long, immutable cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { headersFor, matches, metaPolicy, parseHeadersFile, parsePolicy } from '../helpers/headers.ts';
import { builtPages, DIST, fileFor, listFiles, requireDist } from '../helpers/site.ts';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
function elements(root: Node): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    if (isElement(n)) out.push(n);
    if ('childNodes' in n) n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}
const text = (el: Element) => el.childNodes.map((c) => (c.nodeName === '#text' && 'value' in c ? c.value : '')).join('');
const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
/** Script types a browser runs (a missing or JavaScript type, or a module). */
const runs = (el: Element) => {
  const type = (attr(el, 'type') ?? '').trim().toLowerCase();
  return type === '' || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
};

const KEYWORDS = new Set(["'self'", "'none'", "'strict-dynamic'", "'report-sample'", "'wasm-unsafe-eval'"]);
const pages = () => builtPages().map((p) => ({ urlPath: p, html: readFileSync(path.join(DIST, fileFor(p)!), 'utf8') }));

describe('Content-Security-Policy in every page', () => {
  it('each page has one CSP <meta>, early in <head>, strict for scripts and closed to other origins', () => {
    requireDist();
    const problems: string[] = [];
    for (const { urlPath, html } of pages()) {
      const all = elements(parse(html));
      const metas = all.filter((e) => e.tagName === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy');
      if (metas.length !== 1) {
        problems.push(`${urlPath}: ${metas.length} CSP <meta> elements (want 1)`);
        continue;
      }
      const meta = metas[0]!;
      if (meta.parentNode && 'tagName' in meta.parentNode && meta.parentNode.tagName !== 'head') problems.push(`${urlPath}: the CSP <meta> is not in <head>`);
      const firstLoad = all.findIndex((e) => (e.tagName === 'script' && runs(e)) || e.tagName === 'style' || (e.tagName === 'link' && /stylesheet|preload|modulepreload/.test(attr(e, 'rel') ?? '')));
      if (firstLoad !== -1 && firstLoad < all.indexOf(meta)) problems.push(`${urlPath}: a <${all[firstLoad]!.tagName}> comes before the CSP <meta>, so the policy does not cover it`);

      const policy = parsePolicy(attr(meta, 'content') ?? '');
      const scriptSrc = policy.get('script-src') ?? policy.get('default-src');
      if (!scriptSrc) problems.push(`${urlPath}: no script-src or default-src`);
      // Pagefind's WebAssembly: on the search page, and there only.
      if ((urlPath === '/search/') !== !!scriptSrc?.includes("'wasm-unsafe-eval'")) problems.push(`${urlPath}: 'wasm-unsafe-eval' ${urlPath === '/search/' ? 'missing' : 'allowed'}`);
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", ...(urlPath === '/search/' ? [] : ["'wasm-unsafe-eval'"])]) {
        if (scriptSrc?.includes(bad)) problems.push(`${urlPath}: script-src allows ${bad}`);
        if (policy.get('script-src-elem')?.includes(bad) || policy.get('script-src-attr')?.includes(bad)) problems.push(`${urlPath}: script-src-elem/attr allows ${bad}`);
      }
      if (policy.get('default-src')?.join(' ') !== "'self'") problems.push(`${urlPath}: default-src is "${policy.get('default-src')?.join(' ')}", want 'self'`);
      if (policy.get('object-src')?.join(' ') !== "'none'") problems.push(`${urlPath}: object-src is not 'none'`);
      if (!policy.has('base-uri')) problems.push(`${urlPath}: no base-uri`);
      for (const [name, sources] of policy) {
        for (const s of sources) {
          const ok = KEYWORDS.has(s) || /^'(sha256|sha384|sha512)-[A-Za-z0-9+/=]+'$/.test(s) || (s === 'data:' && name === 'img-src');
          if (!ok) problems.push(`${urlPath}: ${name} allows ${s}; only the site itself may serve anything`);
        }
      }

      // Everything inline must be covered by a hash, and nothing may need 'unsafe-hashes'.
      const styleSrc = policy.get('style-src') ?? policy.get('default-src') ?? [];
      for (const el of all) {
        if (el.tagName === 'script' && !attr(el, 'src') && runs(el) && !scriptSrc?.includes(sha256(text(el)))) {
          problems.push(`${urlPath}: an inline <script> (${text(el).slice(0, 40)}…) has no hash in script-src`);
        }
        if (el.tagName === 'style' && !styleSrc.includes(sha256(text(el)))) problems.push(`${urlPath}: an inline <style> has no hash in style-src`);
        for (const a of el.attrs) {
          if (/^on/i.test(a.name)) problems.push(`${urlPath}: <${el.tagName} ${a.name}> is an inline event handler; the CSP blocks it`);
          if (a.name === 'style') problems.push(`${urlPath}: <${el.tagName} style="${a.value}"> is an inline style attribute; the CSP blocks it`);
          if (/^\s*javascript:/i.test(a.value)) problems.push(`${urlPath}: <${el.tagName} ${a.name}="${a.value}"> is a javascript: URL`);
        }
      }
    }
    console.log(`CSP <meta>: ${builtPages().length} pages checked, ${problems.length} problems`);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('dist/_headers', () => {
  const load = () => {
    requireDist();
    const file = path.join(DIST, '_headers');
    expect(existsSync(file), 'dist/_headers is missing').toBe(true);
    return parseHeadersFile(readFileSync(file, 'utf8'));
  };

  it("gives every page one CSP header: frame-ancestors 'none' and its <meta>'s base-uri, object-src and form-action, and nothing its hashes allow", () => {
    const rules = load();
    const problems: string[] = [];
    for (const { urlPath, html } of pages()) {
      const h = headersFor(rules, urlPath);
      const get = (n: string) => h.filter(([k]) => k === n).map(([, v]) => v);
      const csp = get('content-security-policy');
      const meta = parsePolicy(metaPolicy(html) ?? '');
      if (![...meta.values()].flat().some((s) => s.startsWith("'sha256-"))) problems.push(`${urlPath}: the CSP <meta> holds no hash of the page's scripts or styles`);
      if (csp.length !== 1) problems.push(`${urlPath}: ${csp.length} Content-Security-Policy headers (want 1)`);
      else {
        const header = parsePolicy(csp[0]!);
        if (header.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`${urlPath}: the CSP header lacks frame-ancestors 'none'`);
        for (const name of ['base-uri', 'object-src', 'form-action']) {
          if (!header.has(name) || header.get(name)?.join(' ') !== meta.get(name)?.join(' ')) problems.push(`${urlPath}: the header's ${name} is not the <meta>'s`);
        }
        // Both policies are enforced: a script-src, style-src or default-src here, without the page's hashes, would block its own scripts.
        const extra = [...header.keys()].filter((n) => !['frame-ancestors', 'base-uri', 'object-src', 'form-action'].includes(n));
        if (extra.length) problems.push(`${urlPath}: the CSP header also carries ${extra.join(', ')}`);
      }
      if (get('x-content-type-options').join() !== 'nosniff') problems.push(`${urlPath}: X-Content-Type-Options is not nosniff`);
      const referrer = get('referrer-policy');
      if (referrer.length !== 1 || !['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer[0]!)) {
        problems.push(`${urlPath}: Referrer-Policy is "${referrer.join(', ')}"`);
      }
      if (get('permissions-policy').length !== 1 || !get('permissions-policy')[0]!.includes('=()')) problems.push(`${urlPath}: no Permissions-Policy that turns features off`);
      const cache = get('cache-control');
      if (cache.length !== 1 || /immutable/.test(cache[0]!) || !(Number(/max-age=(\d+)/.exec(cache[0]!)?.[1]) <= 600)) problems.push(`${urlPath}: Cache-Control "${cache.join(', ')}" is not one short cache`);
    }
    console.log(`_headers: ${builtPages().length} pages checked, ${problems.length} problems`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('caches hashed assets in /_astro/ for a year, immutable, and every file there has a hash in its name', () => {
    const rules = load();
    const cache = headersFor(rules, '/_astro/x.js').filter(([n]) => n === 'cache-control').map(([, v]) => v);
    expect(cache).toHaveLength(1);
    expect(cache[0]).toMatch(/\bimmutable\b/);
    expect(Number(/max-age=(\d+)/.exec(cache[0]!)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    // (their .gz and .br twins, written by the build, carry the same name plus the suffix)
    const unhashed = listFiles().filter((f) => f.startsWith('_astro/') && !/[.-][A-Za-z0-9_-]{8,}\.\w+(\.gz|\.br)?$/.test(f));
    expect(unhashed, 'files in _astro/ without a content hash would be cached forever').toEqual([]);
  });
});

describe('header parsing', () => {
  it('reads _headers rules, applies them in order, and matches splats', () => {
    const rules = parseHeadersFile('# c\n/*\n  A: 1\n  Cache-Control: s\n\n/_astro/*\n  ! Cache-Control\n  Cache-Control: x\n/a/\n  B: 2: 3\n  A: 4\n');
    expect(rules).toEqual([
      { path: '/*', headers: [['A', '1'], ['Cache-Control', 's']], unset: [] },
      { path: '/_astro/*', headers: [['Cache-Control', 'x']], unset: ['cache-control'] },
      { path: '/a/', headers: [['B', '2: 3'], ['A', '4']], unset: [] },
    ]);
    expect(headersFor(rules, '/_astro/y.css')).toEqual([['a', '1'], ['cache-control', 'x']]);
    expect(headersFor(rules, '/a/'), 'a header set twice and not dropped comes twice').toEqual([['a', '1'], ['cache-control', 's'], ['b', '2: 3'], ['a', '4']]);
    expect(matches('/*', '/a/')).toBe(true);
    expect(matches('/_astro/*', '/a/')).toBe(false);
    expect(matches('/a/', '/a/')).toBe(true);
    expect(matches('/a/', '/a/b/')).toBe(false);
  });

  it('reads policies by directive', () => {
    const p = parsePolicy("default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-x='");
    expect(p.get('img-src')).toEqual(["'self'", 'data:']);
    expect(p.get('script-src')).toEqual(["'self'", "'sha256-x='"]);
  });
});
