/**
 * The built site in dist/, as the quality gates see it: every page, the
 * sitemap's URLs, each story's sources. Nothing here knows today's markup, so
 * the gates cover whatever pages a build produces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listStoryFiles, splitStory } from '../../src/integrations/validate-stories.ts';
import { storyPath } from '../../src/lib/stories.ts';
import { textFragmentUrl } from '../../src/lib/text-fragment.ts';

export { allPages, builtPages, DIST, fileFor, listFiles, requireDist, siteOrigin, sitemapPaths, sitemapUrls, urlPathOf } from '../../src/lib/built-site.ts';

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
  sources: Array<{ id: string; publisher: string; title: string; url: string; quotes?: string[] }>;
  timeline?: Array<{ id: string; title: string; text: string }>;
  figures?: Array<{ label: string; value: string }>;
}

/** The stories in content/stories (STORIES_DIR overrides), with their frontmatter. */
export function stories(): StoryInfo[] {
  return listStoryFiles().map((file) => {
    const { story, problems } = splitStory(readFileSync(file, 'utf8'), file);
    if (!story) throw new Error(problems.map((p) => p.message).join('; '));
    const id = path.basename(file, '.mdx');
    return { id, file, path: storyPath(id), frontmatter: story.frontmatter as unknown as StoryFrontmatter };
  });
}

/** The external URLs a story may link to: its sources, and their text-fragment deep links to quoted words. */
export function allowedExternalLinks(story: StoryFrontmatter): Set<string> {
  const out = new Set<string>();
  for (const s of story.sources) {
    out.add(s.url);
    for (const q of s.quotes ?? []) out.add(textFragmentUrl(s.url, q));
  }
  return out;
}
