import { describe, expect, it } from 'vitest';
import {
  BUDGETS,
  type PageFigures,
  budgetProblems,
  cssReferences,
  formatTable,
  gzipSize,
  isJavaScriptType,
  isPrintOnly,
  jsImports,
  measurePage,
  transferSize,
  type Loader,
} from '../../tools/budgets.ts';

const site = 'https://example.org';
const files: Record<string, string | Uint8Array> = {
  '/main.css': '@import "/extra.css"; body { background: url(/bg.png); } @font-face { src: url("/f.woff2") format("woff2"); }',
  '/extra.css': 'p { color: red }',
  '/print.css': 'nav { display: none }',
  '/app.js': 'import{a}from"./chunk.js";import"/side.js";a();import("./lazy.js")',
  '/chunk.js': 'export const a = () => 1;',
  '/side.js': 'console.log(1)',
  '/lazy.js': 'never loaded on first view',
  '/bg.png': new Uint8Array(300),
  '/f.woff2': new Uint8Array(1000),
  '/photo.jpg': new Uint8Array(2000),
  '/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};
const load: Loader = (url) => {
  const f = files[url.pathname];
  return f === undefined ? undefined : typeof f === 'string' ? Buffer.from(f) : f;
};
const size = (p: string) => transferSize(typeof files[p] === 'string' ? Buffer.from(files[p] as string) : (files[p] as Uint8Array), p);

const html = `<!doctype html><html><head>
<link rel="icon" href="/favicon.svg">
<link rel="canonical" href="${site}/a/"><link rel="alternate" href="/rss.xml"><link rel="sitemap" href="/sitemap.xml">
<meta property="og:image" content="${site}/og/a.png">
<style>h1 { font-weight: 700 }</style>
<link rel="stylesheet" href="/main.css">
<link rel="stylesheet" href="/print.css" media="print">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"${'x'.repeat(500)}"}</script>
<script>document.documentElement.className = 'js'</script>
<script type="module" src="/app.js"></script>
</head><body>
<img src="/photo.jpg" alt=""><img src="data:image/gif;base64,R0lGOD" alt="">
<img src="/photo.jpg#again" alt="">
<button onclick="copy()">Copy</button>
</body></html>`;

describe('measurePage', () => {
  const f = measurePage(html, new URL('/a/', site), load);
  const urls = f.resources.map((r) => r.url).sort();

  it('follows stylesheets, imports, scripts and their imports, images, fonts and the icon, once each', () => {
    expect(urls).toEqual(['/app.js', '/bg.png', '/chunk.js', '/extra.css', '/f.woff2', '/favicon.svg', '/main.css', '/photo.jpg', '/print.css', '/side.js']);
    expect(f.requests).toBe(11);
    expect(f.resources.every((r) => !r.missing)).toBe(true);
  });

  it('counts blocking CSS, not print CSS, on top of the HTML', () => {
    expect(f.html).toBe(gzipSize(html));
    expect(f.blockingCss).toBe(size('/main.css') + size('/extra.css'));
    expect(f.critical).toBe(f.html + f.blockingCss);
  });

  it('counts inline scripts and handlers as JavaScript, JSON-LD not', () => {
    const inline = gzipSize(["document.documentElement.className = 'js'", 'copy()'].join('\n'));
    expect(f.js).toBe(inline + size('/app.js') + size('/chunk.js') + size('/side.js'));
  });

  it('measures text gzipped and compressed formats as they are', () => {
    expect(f.resources.find((r) => r.url === '/photo.jpg')!.bytes).toBe(2000);
    expect(f.total).toBe(f.html + f.resources.reduce((s, r) => s + r.bytes, 0));
  });

  it('reports what breaks a budget, and missing files', () => {
    const problems = budgetProblems(f, BUDGETS.map((b) => (b.figure === 'js' ? { ...b, limit: 10 } : b)));
    expect(problems).toContainEqual(expect.stringMatching(/^\/a\/: JavaScript: [\d,]+ bytes gzipped, over the 10 budget by/));
    expect(problems).toContainEqual('/a/: requests on first view, the page included: 11 requests, over the 6 budget by 5');
    expect(budgetProblems(f)).toContainEqual(expect.stringContaining('requests on first view, the page included: 11 requests'));
    const broken = measurePage('<img src="/gone.png" alt="">', new URL('/b/', site), load);
    expect(budgetProblems(broken)).toContain('/b/: refers to /gone.png (image), which is not in the build');
  });

  it('asks for /favicon.ico when no icon is linked, and counts it missing if absent', () => {
    const bare = measurePage('<p>hi</p>', new URL('/c/', site), load);
    expect(bare.requests).toBe(2);
    expect(bare.resources).toEqual([{ url: '/favicon.ico', kind: 'icon', blocking: false, bytes: 0, missing: true }]);
  });

  it('treats other sites as requests it cannot measure', () => {
    const other = measurePage('<link rel="icon" href="/favicon.svg"><script src="https://cdn.example.com/x.js"></script>', new URL('/d/', site), load);
    expect(other.resources.find((r) => r.kind === 'js')).toMatchObject({ url: 'https://cdn.example.com/x.js', missing: true });
  });

  it('prints a table with a row per page and the budgets', () => {
    const table = formatTable([f]);
    expect(table).toMatch(/^page\s+first HTML \+ CSS\s+HTML\s+fonts\s+font bytes\s+first view\s+requests\s+JS/);
    expect(table).toContain('/a/');
    expect(table).toContain('OVER');
    expect(table).toMatch(/budget\s+≤ 14,000\s+≤ 50,000\s+≤ 2\s+≤ 30,000\s+≤ 50,000\s+≤ 6\s+≤ 2,048$/);
  });
});

describe('the budget table', () => {
  it('defines each budget once, with the limits docs/testing.md states', () => {
    expect(BUDGETS.map((b) => [b.figure, b.limit])).toEqual([
      ['critical', 14_000],
      ['html', 50_000],
      ['fontFiles', 2],
      ['fontBytes', 30_000],
      ['firstView', 50_000],
      ['requests', 6],
      ['js', 2_048],
    ]);
    expect(new Set(BUDGETS.map((b) => b.figure)).size).toBe(BUDGETS.length);
  });

  it('counts the HTML only up to the end of the short version for the first round trip and first view', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} ${Math.sin(i).toString(36)} ${Math.cos(i * 7).toString(36)}</p>`).join('');
    const page = `<!doctype html><html><head><title>t</title><link rel="icon" href="/favicon.svg"></head><body><section class="section short-version"><p>First.</p></section>${filler(3000)}</body></html>`;
    const g = measurePage(page, new URL('/long/', site), load);
    const cut = page.indexOf('</section>') + '</section>'.length;
    expect(g.firstHtml).toBe(gzipSize(page.slice(0, cut)));
    expect(g.critical).toBe(g.firstHtml + g.blockingCss);
    expect(g.html).toBe(gzipSize(page));
    expect(g.firstView).toBe(g.firstHtml + size('/favicon.svg'));
    // The long tail breaks only the whole-HTML budget.
    expect(g.html).toBeGreaterThan(50_000);
    expect(budgetProblems(g)).toEqual([expect.stringMatching(/^\/long\/: the whole HTML: [\d,]+ bytes gzipped, over the 50,000 budget by/)]);
  });

  it('refuses a page over every budget at once, naming each with the limit from the table', () => {
    const fonts = ['/f.woff2', '/g.woff2', '/h.woff2'];
    const over: PageFigures = { page: '/heavy/', html: 60_000, firstHtml: 15_000, blockingCss: 0, critical: 15_000, js: 3_000, fontFiles: 3, fontBytes: 40_000, firstView: 70_000, total: 70_000, requests: 9, resources: fonts.map((url) => ({ url, kind: 'font', blocking: false, bytes: 13_000, missing: false })) };
    const problems = budgetProblems(over);
    for (const b of BUDGETS) expect(problems.join('\n'), b.figure).toContain(`${b.what}: `);
    for (const b of BUDGETS) expect(problems.join('\n')).toContain(`over the ${b.limit.toLocaleString('en-US')} budget`);
  });
});

describe('budget helpers', () => {
  it.each([
    [undefined, true],
    ['module', true],
    ['text/javascript', true],
    ['application/ld+json', false],
    ['application/json', false],
    ['importmap', false],
  ])('script type %s is JavaScript: %s', (type, js) => expect(isJavaScriptType(type)).toBe(js));

  it.each([
    [undefined, false],
    ['all', false],
    ['screen', false],
    ['print', true],
    ['only print and (min-width: 1px)', true],
    ['print, screen', false],
  ])('media %s is print-only: %s', (media, printOnly) => expect(isPrintOnly(media)).toBe(printOnly));

  it('reads url() and @import from CSS, skipping data: and fragment references in the caller', () => {
    expect(cssReferences('@import url("a.css") screen; /* url(no.png) */ a { background: url( \'b.png\' ) } b { mask: url(#m) }')).toEqual({
      imports: ['a.css'],
      urls: ['b.png'],
    });
  });

  it('finds static imports only', () => {
    expect(jsImports('import a from "./a.js";\nexport { b } from \'../b.js\'; import("./c.js"); import "bare-package"; import"/d.js"')).toEqual([
      './a.js',
      '../b.js',
      '/d.js',
    ]);
  });
});
