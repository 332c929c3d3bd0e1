/**
 * What a build knows of the share pages (share.ts): each story page, as it renders, hands
 * over its sections and starts drawing their cards in the card pool, so the drawing runs
 * beside the rest of the build; the share-pages integration writes the pages and copies the
 * cards once every page is generated. The two meet on globalThis, as the page's bundle and
 * the integration are separate module instances. Outside a build (the dev server, tests) there
 * is no registry and a page hands over nothing.
 */
import { ogCardFile } from './og-cards.ts';
import { sectionCardInput, type StoryShare } from './share.ts';

export const SHARE_BUILD_KEY = Symbol.for('explainer.share-build');

export interface StoryShareBuild {
  share: StoryShare;
  /** Each section id's card, as a file in the card cache. */
  cards: Promise<Map<string, string>>;
}

export type ShareRegistry = Map<string, StoryShareBuild>;

const registry = () => (globalThis as Record<symbol, unknown>)[SHARE_BUILD_KEY] as ShareRegistry | undefined;

/** Starts a build's registry (the share-pages integration, at the start of a build). */
export function startShareRegistry(): ShareRegistry {
  const r: ShareRegistry = new Map();
  (globalThis as Record<symbol, unknown>)[SHARE_BUILD_KEY] = r;
  return r;
}

/** From the story page: its share sections, and their cards started in the pool. No-op outside a build. */
export function collectShare(share: StoryShare): void {
  const r = registry();
  if (!r) return;
  const cards = Promise.all(share.sections.map(async (s) => [s.id, await ogCardFile(sectionCardInput(share, s))] as const)).then((entries) => new Map(entries));
  // Awaited when the pages are written; until then a failure must not count as unhandled.
  cards.catch(() => {});
  r.set(share.slug, { share, cards });
}
