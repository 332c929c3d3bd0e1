/** Their file names hold a dot, which no story id can, so they can never take a story card's address. */
import { SITE_NAME } from './site.ts';

export const HOME_DESCRIPTION = 'News explained, every fact cited to its source.';
export const ABOUT_DESCRIPTION = `Who publishes ${SITE_NAME}, how its stories are sourced, and how to report an error.`;

export const SITE_CARDS = {
  home: { path: '/og/page.home.png', title: SITE_NAME, dek: HOME_DESCRIPTION, kicker: 'News, explained' },
  about: { path: '/og/page.about.png', title: `About ${SITE_NAME}`, dek: ABOUT_DESCRIPTION, kicker: SITE_NAME },
} as const;
