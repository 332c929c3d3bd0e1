/**
 * The built site in dist/, as the quality gates see it: every page, the
 * sitemap's URLs, each story's sources. Nothing here knows today's markup, so
 * the gates cover whatever pages a build produces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listStoryFiles } from '../../src/checks/check-story.ts';
import { parseStory } from '../../src/checks/story-file.ts';
import { storyPath } from '../../src/lib/stories.ts';
import { allPages } from '../../tools/built-site.ts';

export { allPages, builtPages, DIST, fileFor, listFiles, requireDist, siteOrigin, sitemapPaths, sitemapUrls, urlPathOf } from '../../tools/built-site.ts';

export interface StoryInfo {
  id: string;
  /** The MDX file. */
  file: string;
  path: string;
  frontmatter: StoryFrontmatter;
}
export interface StoryFrontmatter {
  title: string;
  dek: string;
  published: string;
  updated?: string;
  sources: Array<{ id: string; publisher: string; title: string; url: string; quotes?: string[] }>;
  timeline?: Array<{ id: string; date: string; title: string; text: string }>;
  figures?: Array<{ label: string; value: string }>;
  terms?: Array<{ id: string; term: string; definition?: string }>;
  changes?: Array<{ id: string; date: string; kind: string; text: string }>;
  topics?: string[];
  draft?: boolean;
}

/**
 * The pages the browser gates open: every page a reader can reach, but of pages that share a template
 * and differ only in words, the first: of each story's share pages one (tests/e2e/share-section.spec.ts
 * reads every one), and of the topic pages one.
 */
export function pagesToBrowse(): string[] {
  const seen = new Set<string>();
  return allPages().filter((p) => {
    const template = /^\/([^/]+)\/s\//.exec(p)?.[0] ?? (/^\/topics\/[^/]+\//.test(p) ? '/topics/<id>/' : null);
    return !template || (!seen.has(template) && !!seen.add(template));
  });
}

/** The stories in content/stories (STORIES_DIR overrides), with their frontmatter. */
export function stories(): StoryInfo[] {
  return listStoryFiles().map((file) => {
    const { story, problems } = parseStory(readFileSync(file, 'utf8'), file);
    if (!story) throw new Error(problems.map((p) => p.message).join('; '));
    const id = path.basename(file, '.mdx');
    return { id, file, path: storyPath(id), frontmatter: story.frontmatter as unknown as StoryFrontmatter };
  });
}

/** The alias ids a story's body declares (`<Anchor id="x" aliases="old-x" />`), each with the id it stands for. */
export function declaredAliases(file: string): { alias: string; id: string }[] {
  const body = readFileSync(file, 'utf8');
  return [...body.matchAll(/<Anchor\s+id="([^"]+)"\s+aliases="([^"]+)"/g)].flatMap((m) => m[2]!.split(/[\s,]+/).filter(Boolean).map((alias) => ({ alias, id: m[1]! })));
}

const norm = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** The "## Heading" lines of a story body, as readers see them: without an <Anchor …/> marker or emphasis. */
export function storyHeadings(file: string): string[] {
  const body = readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---/, '');
  return [...body.matchAll(/^##\s+(.+)$/gm)].map((m) => norm(m[1]!.replace(/<[A-Z]\w*[^>]*\/>/g, '').replace(/[*_`]/g, '')));
}

/** The labels of a story's short version, as its <Part label="…"> blocks give them. */
export function storyParts(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/<Part\s+label="([^"]+)"/g)].map((m) => m[1]!);
}

/** How many <Analysis> blocks a story body has. */
export function analysisCount(file: string): number {
  return (readFileSync(file, 'utf8').match(/<Analysis>/g) ?? []).length;
}
