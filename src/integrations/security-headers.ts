/**
 * Astro integration: after the build, append each page's Content-Security-Policy
 * to dist/_headers, copied from the <meta http-equiv> Astro wrote into the page,
 * plus frame-ancestors, which only a header can carry.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';

export function cspFromHtml(html: string): string | null {
  const m = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html);
  return m ? m[1]!.replace(/;\s*$/, '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : null;
}

export function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, pages }) => {
        const out = fileURLToPath(dir);
        const rules: string[] = [];
        for (const { pathname } of pages) {
          const route = `/${pathname}`.replace(/\/+$/, '/');
          const file = path.join(out, pathname, pathname.endsWith('.html') ? '' : 'index.html');
          const html = existsSync(file) ? readFileSync(file, 'utf8') : existsSync(file.replace(/\/index\.html$/, '.html')) ? readFileSync(file.replace(/\/index\.html$/, '.html'), 'utf8') : null;
          const csp = html && cspFromHtml(html);
          if (!csp) continue;
          const paths = route === '/404/' ? ['/404.html', '/404/'] : route === '/' ? ['/', '/index.html'] : [route];
          for (const p of paths) rules.push(`${p}\n  Content-Security-Policy: ${csp}; frame-ancestors 'none'`);
        }
        appendFileSync(path.join(out, '_headers'), `\n${rules.join('\n\n')}\n`);
      },
    },
  };
}
