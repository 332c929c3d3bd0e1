/**
 * The README stays a map a newcomer can trust: its "Where code lives" table names only paths that
 * exist, and names every top-level folder of the repository, so a rename or a new folder that the
 * table does not follow fails here. And the README stays short enough to read in five minutes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const MAX_LINES = 200;

/** The rows of the "Where code lives" table, each as its cells. */
function mapRows(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^##\s+Where code lives\s*$/.test(l));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  const rows = lines.slice(start + 1, end < 0 ? undefined : end).filter((l) => l.trim().startsWith('|'));
  // The header row and the |---| row go.
  return rows.slice(2).map((row) => row.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()));
}

/** Everything written in backticks in a cell. */
const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/**
 * Whether a code span names a file or folder of the repository: no spaces, not a URL path ("/og/…")
 * or a pattern, and either a folder ("src/lib/", "src/lib/site.ts") or a file name with an
 * extension ("astro.config.mjs"). Names of components, functions and commands ("Cite",
 * "explainer()", "npm run new") are not paths.
 */
const isPath = (span: string) => !/\s|^\/|[<>*…]/.test(span) && (span.includes('/') || /\.[a-z]{1,4}$/i.test(span));

/** The repository's top-level folders: those git tracks files in, and .ci (hidden, but the CI's). */
function topLevelFolders(): string[] {
  const git = spawnSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const folders = new Set<string>();
  if (git.status === 0 && git.stdout.trim()) {
    for (const file of git.stdout.split('\n')) if (file.includes('/')) folders.add(file.slice(0, file.indexOf('/')));
  } else {
    // Not a git checkout (an unpacked copy): every folder but what git would ignore.
    const ignored = new Set(['.git', ...readFileSync(path.join(ROOT, '.gitignore'), 'utf8').split('\n').map((l) => l.trim().replace(/\/$/, '')).filter(Boolean)]);
    for (const entry of readdirSync(ROOT, { withFileTypes: true })) if (entry.isDirectory() && !ignored.has(entry.name)) folders.add(entry.name);
  }
  if (existsSync(path.join(ROOT, '.ci'))) folders.add('.ci');
  return [...folders].sort();
}

const rows = mapRows(README);
const named = rows.flatMap((cells) => cells.flatMap(codeSpans)).filter(isPath);
const firstColumn = new Set(rows.flatMap((cells) => codeSpans(cells[0] ?? '')));

describe('README.md', () => {
  it(`is at most ${MAX_LINES} lines`, () => {
    const lines = README.endsWith('\n') ? README.split('\n').length - 1 : README.split('\n').length;
    expect(lines, `README.md has ${lines} lines; move detail to docs/`).toBeLessThanOrEqual(MAX_LINES);
  });

  it('has a "Where code lives" table of paths', () => {
    expect(rows.length, 'no table under "## Where code lives"').toBeGreaterThan(5);
    for (const cells of rows) expect(cells, `a row of two cells, path and what it holds: ${cells.join(' | ')}`).toHaveLength(2);
    expect(named.length).toBeGreaterThan(20);
  });

  it('names in that table only paths that exist (a folder written with its trailing slash is a folder)', () => {
    const missing = named.filter((p) => {
      const full = path.join(ROOT, p);
      if (!existsSync(full)) return true;
      return p.endsWith('/') && !statSync(full).isDirectory();
    });
    expect(missing, 'paths the table names that are not in the repository: rename them in README.md too').toEqual([]);
  });

  it('names every top-level folder of the repository in the table’s first column', () => {
    const folders = topLevelFolders();
    expect(folders).toContain('src');
    const unnamed = folders.filter((f) => !firstColumn.has(`${f}/`));
    expect(unnamed, 'top-level folders without a row of their own ("`name/`") in "Where code lives"').toEqual([]);
  });

  it('links only to files that exist', () => {
    const links = [...README.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#'));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !existsSync(path.join(ROOT, l.split('#')[0]!)))).toEqual([]);
  });
});

describe('the map’s parsing', () => {
  it('takes paths from backticks, and leaves out names, commands and URL paths', () => {
    expect(['src/lib/', 'src/pages/[slug].astro', '.ci/run', 'astro.config.mjs', 'docs/design.md'].filter(isPath)).toHaveLength(5);
    expect(['Cite', 'explainer()', 'npm run new', '/og/<slug>.png', 'cacheKey', 'check:content'].filter(isPath)).toEqual([]);
  });

  it('reads every path of a row, so a renamed one is caught', () => {
    const renamed = README.replace('`src/integrations/index.ts`', '`src/integrations/explainer.ts`');
    const spans = mapRows(renamed).flatMap((cells) => cells.flatMap(codeSpans)).filter(isPath);
    expect(spans).toContain('src/integrations/explainer.ts');
    expect(existsSync(path.join(ROOT, 'src/integrations/explainer.ts'))).toBe(false);
  });
});
