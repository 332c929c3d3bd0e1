/** Page titles: the page's own, then the site's name, never the site's name twice ("About The Explainer · The Explainer"). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_NAME, withSiteName } from '../../src/lib/site.ts';
import { builtPages, DIST, fileFor, requireDist } from '../helpers/site.ts';

describe('page titles', () => {
  it('add the site’s name unless the title names it already', () => {
    expect(withSiteName('The memo')).toBe('The memo · The Explainer');
    expect(withSiteName(`About ${SITE_NAME}`)).toBe('About The Explainer');
    expect(withSiteName(SITE_NAME)).toBe('The Explainer');
  });

  it('name the site once on every built page; About’s is “About The Explainer”', () => {
    requireDist();
    const titles = new Map(builtPages().map((page) => [page, /<title>([^<]*)<\/title>/.exec(readFileSync(path.join(DIST, fileFor(page)!), 'utf8'))?.[1] ?? '']));
    expect(titles.get('/about/')).toBe(`About ${SITE_NAME}`);
    const twice = [...titles].filter(([, t]) => t.split(SITE_NAME).length > 2).map(([page, t]) => `${page}: ${t}`);
    expect(twice).toEqual([]);
  });
});
