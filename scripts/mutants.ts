/** Mutation run (npm run mutants [name pattern]): does the suite notice when a feature breaks? Exits 1 when any survives. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.ts';
import { copySite } from './site-copy.ts';

/** Replaces `from` (exactly once in `file`) by `to`; the unit and browser tests named must then fail. */
interface Mutation { name: string; file: string; from: string; to: string; unit?: string[]; browser?: string[] }

export const MUTATIONS: Mutation[] = [
  { name: 'print hides the short version', file: 'src/styles/print.css', from: '@media print {', to: '@media print {\n.short-version { display: none !important; }', browser: ['tests/e2e/print.spec.ts'] },
  { name: 'print hides the key figures', file: 'src/styles/print.css', from: '@media print {', to: '@media print {\n.story-figures { display: none !important; }', browser: ['tests/e2e/print.spec.ts'] },
  { name: 'a failed build leaves its work folder', file: 'scripts/build.ts', from: '  rmSync(work, { recursive: true, force: true });\n  console.error', to: '  console.error', unit: ['tests/integration/atomic-build.test.ts'] },
  { name: 'dates formatted in local time, not UTC', file: 'src/lib/dates.ts', from: "{ year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }", to: "{ year: 'numeric', month: 'short', day: 'numeric' }", unit: ['tests/unit/dates.test.ts', 'tests/unit/components.test.ts'] },
  { name: 'stories sorted oldest first', file: 'src/lib/stories.ts', from: 'key(b).localeCompare(key(a))', to: 'key(a).localeCompare(key(b))', unit: ['tests/unit/stories.test.ts'] },
  { name: 'reading time ×10', file: 'src/lib/reading.ts', from: 'WORDS_PER_MINUTE = 230', to: 'WORDS_PER_MINUTE = 23', unit: ['tests/unit/reading.test.ts'] },
  { name: 'alias anchors not rendered', file: 'src/integrations/remark-story.ts', from: 'heading.children.unshift(...spans);', to: 'void spans;', browser: ['tests/e2e/share.spec.ts', 'tests/e2e/gate-no-js.spec.ts'] },
  { name: 'preview image drawn at another size', file: 'src/lib/site.ts', from: 'OG_SIZE = { width: 1200, height: 630 }', to: 'OG_SIZE = { width: 1200, height: 600 }', unit: ['tests/unit/share.test.ts'] },
  { name: 'budget limits raised tenfold', file: 'tools/budgets.ts', from: "limit: 14_000, unit: 'bytes gzipped'", to: "limit: 140_000, unit: 'bytes gzipped'", unit: ['tests/unit/budget-measure.test.ts'] },
  { name: 'uncited paragraphs let through', file: 'src/checks/rules.ts', from: '  uncited,\n', to: '\n', unit: ['tests/unit/fixtures.test.ts', 'tests/unit/body-checks.test.ts'] },
  { name: 'off-site links let through', file: 'src/checks/rules.ts', from: "url.startsWith('https://') && !allowed.has(url)", to: 'false', unit: ['tests/unit/body-checks.test.ts'] },
  { name: 'check:content exits 0 on problems', file: 'scripts/check-content.ts', from: 'process.exitCode = 1;', to: 'process.exitCode = 0;', unit: ['tests/integration/check-content.test.ts'] },
  { name: 'frontmatter problems on the wrong line', file: 'src/checks/story-file.ts', from: 'lines.linePos(offset).line + 1', to: 'lines.linePos(offset).line + 2', unit: ['tests/unit/fixtures.test.ts'] },
  { name: 'a never-cited source let through', file: 'src/checks/rules.ts', from: "  'sources-cited': sourcesCited,\n", to: '', unit: ['tests/unit/fixtures.test.ts'] },
  { name: 'citation marks not in number order', file: 'src/lib/citations.ts', from: '.sort((a, b) => a.n - b.n)', to: '.sort(() => 0)', unit: ['tests/unit/citations.test.ts'] },
  { name: 'a short version without the other side let through', file: 'src/checks/rules.ts', from: "  'short-version': shortVersion,\n", to: '', unit: ['tests/unit/fixtures.test.ts'] },
  { name: 'an unused term let through', file: 'src/checks/rules.ts', from: '  terms,\n', to: '', unit: ['tests/unit/fixtures.test.ts'] },
  { name: 'a term’s definition never opens in place', file: 'src/scripts/popover.ts', from: '    pop.showPopover();', to: '', browser: ['tests/e2e/explainer.spec.ts'] },
  { name: 'the feed without the covered period', file: 'src/pages/rss.xml.ts', from: '...(period ? { customData: `<dc:coverage>${period.iso}</dc:coverage>` } : {}),', to: '', browser: ['tests/e2e/explainer.spec.ts'] },
  { name: 'stories dated by publication, not the latest change', file: 'src/lib/stories.ts', from: 'const key = (s: T) => lastChanged(s.data);', to: 'const key = (s: T) => s.data.published;', unit: ['tests/unit/stories.test.ts'] },
  { name: 'share pages listed in the sitemap', file: 'src/integrations/index.ts', from: 'filter: (page) => !isSharePath(new URL(page).pathname), ', to: '', browser: ['tests/e2e/share-section.spec.ts'] },
  { name: 'drafts published', file: 'src/lib/collection.ts', from: '__SHOW_DRAFTS__ || !data.draft', to: 'true', unit: ['tests/integration/drafts.test.ts'] },
  { name: 'placeholder text let through', file: 'src/checks/check-story.ts', from: "if (story.frontmatter.draft === true) return [];", to: 'return [];', unit: ['tests/integration/new-story.test.ts'] },
  { name: 'a share page kept from the cache after its story’s headline changed', file: 'src/pages/[slug]/s/[section].astro', from: 'pageKey(share.slug, share.headline, ', to: 'pageKey(share.slug, ', unit: ['tests/cache/incremental-build.test.ts'] },
  { name: 'citations numbered from 0', file: 'src/lib/citations.ts', from: 'order.map((id, i) => [id, i + 1])', to: 'order.map((id, i) => [id, i])', unit: ['tests/unit/citations.test.ts'] },
  { name: 'section cards filed under the next section', file: 'src/pages/og/[slug]/[section].png.ts', from: 'params: { slug: share.slug, section: section.id }', to: 'params: { slug: share.slug, section: share.sections[(share.sections.indexOf(section) + 1) % share.sections.length]!.id }', browser: ['tests/e2e/share-section.spec.ts'] },
  { name: 'the rail reads at two thirds down, not one third', file: 'src/scripts/contents.ts', from: "rootMargin: '-33% 0px -66% 0px'", to: "rootMargin: '-66% 0px -33% 0px'", browser: ['tests/e2e/design.spec.ts'] },
  { name: 'feed items dated by their last change entry, not the updated date', file: 'src/pages/rss.xml.ts', from: 'new Date(`${lastChanged(s.data)}T00:00:00Z`)', to: 'new Date(`${s.data.changes.at(-1)?.date ?? s.data.updated ?? s.data.published}T00:00:00Z`)', unit: ['tests/integration/valid-fixtures.test.ts'] },
  { name: 'JSON-LD dateModified from the published date', file: 'src/lib/jsonld.ts', from: 'dateModified: a.updated,', to: 'dateModified: a.published,', unit: ['tests/integration/valid-fixtures.test.ts'] },
  { name: 'sources numbered by first citation, not in the footer’s order', file: 'src/lib/citations.ts', from: '.sort((a, b) => group(a) - group(b))', to: '', unit: ['tests/unit/citations.test.ts'], browser: ['tests/e2e/explainer.spec.ts'] },
  { name: 'a share preview cut at a word before whole sentences', file: 'src/lib/preview.ts', from: 'return [...whole, ...cut(clauseCuts(kept[0]!)), ...cut(wordCuts(kept[0]!))];', to: 'return [...cut(wordCuts(kept[0]!)), ...whole];', unit: ['tests/unit/share.test.ts'] },
  { name: 'the build log runs routes together', file: 'scripts/build.ts', from: "(before ? `${before}\\n` : atLineStart ? '' : '\\n')", to: 'before', unit: ['tests/integration/atomic-build.test.ts'] },
  { name: 'test output coloured in a file', file: 'package.json', from: '[ -t 1 ] || export NO_COLOR=1; exec vitest run --project unit', to: 'exec vitest run --project unit', unit: ['tests/integration/test-output.test.ts'] },
  // Not the story page's own key: Astro tracks the compiled MDX a page imports, so keying it by id alone is no bug. A card imports none.
  { name: 'an edited section’s card kept from the cache', file: 'src/pages/og/[slug]/[section].png.ts', from: 'cacheKey: cardKey(card) };', to: "cacheKey: cardKey({ title: card.title, dek: '' }) };", unit: ['tests/cache/incremental-build.test.ts'] },
  { name: 'page keys blind to the site’s styles', file: 'src/lib/cache-key.ts', from: 'return cacheKey(styles, ...values);', to: 'return cacheKey(...values);', unit: ['tests/cache/incremental-build.test.ts'] },
  { name: 'an unknown topic let through', file: 'src/schemas/story.ts', from: "if (typeof t === 'string' && !topics.includes(t)) ctx.addIssue", to: 'if (false) ctx.addIssue', unit: ['tests/unit/fixtures.test.ts'] },
  { name: 'a story related to itself', file: 'src/lib/topics.ts', from: 's.id !== story.id && ', to: '', unit: ['tests/unit/stories.test.ts'] },
  { name: 'WebAssembly allowed on every page', file: 'src/layouts/BaseLayout.astro', from: 'const { search = true, ...props } = Astro.props;', to: "const { search = true, ...props } = Astro.props;\nAstro.csp?.insertScriptResource(\"'wasm-unsafe-eval'\");", unit: ['tests/integration/gate-headers.test.ts'] },
];

const project = process.cwd();
const chosen = MUTATIONS.filter((m) => new RegExp(process.argv[2] ?? '').test(m.name));
const run = (cmd: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, cmd, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: 'ignore', timeout: 600_000 }).status ?? 1;

const work = mkdtempSync(path.join(os.tmpdir(), 'mutants-'));
const root = copySite(path.join(work, 'site'), { project, withContent: true });
for (const extra of ['tests', 'vitest.config.ts', 'playwright.config.ts', '.htmlvalidate.json', 'package-lock.json', '.npmrc']) cpSync(path.join(project, extra), path.join(root, extra), { recursive: true });
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const playwright = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');

/** The tests that fail, after a build of the copy (some unit tests read dist/; an unchanged build is restored from the cache). */
async function failing({ unit = [], browser = [] }: Pick<Mutation, 'unit' | 'browser'>): Promise<string[]> {
  if (run(['scripts/build.ts'], root, { ASTRO_CACHE_DIR: path.join(work, 'astro-cache') }) !== 0) return ['the build'];
  const out = unit.length && run([vitest, 'run', ...unit], root) !== 0 ? [...unit] : [];
  if (browser.length && run([playwright, 'test', ...browser], root, { TEST_PORT: String(await freePort()) }) !== 0) out.push(...browser);
  return out;
}

let caught = 0;
try {
  // A mutation is caught only if its tests pass without it (a copy that missed a file would fail them all).
  const unmutated = await failing({ browser: [...new Set(chosen.flatMap((m) => m.browser ?? []))] });
  for (const unit of new Set(chosen.flatMap((m) => m.unit ?? []))) if (run([vitest, 'run', unit], root) !== 0) unmutated.push(unit);
  if (unmutated.length) throw new Error(`without any mutation, these fail in the copy: ${unmutated.join(', ')}`);
  for (const m of chosen) {
    const file = path.join(root, m.file);
    const original = readFileSync(file, 'utf8');
    if (!original.includes(m.from)) {
      console.log(`BROKEN    ${m.name}: "${m.from.slice(0, 40)}" is no longer in ${m.file} (update the mutation)`);
      continue;
    }
    writeFileSync(file, original.replace(m.from, m.to));
    const catchers = await failing(m).finally(() => writeFileSync(file, original));
    if (catchers.length) caught++;
    console.log(`${catchers.length ? 'caught  ' : 'SURVIVED'}  ${m.name}  (${m.file})${catchers.length ? `  by ${catchers.join(', ')}` : ''}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\n${caught} of ${chosen.length} mutations caught`);
process.exitCode = caught === chosen.length ? 0 : 1;
