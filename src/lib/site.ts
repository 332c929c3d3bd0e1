/** The site's name, shown in the header, titles, the feed and link previews. */
export const SITE_NAME = 'The Explainer';
/** A page's tab title: its own, then the site's name ("The memo · The Explainer"), unless it names the site already ("About The Explainer"). */
export const withSiteName = (title: string) => (title.includes(SITE_NAME) ? title : `${title} · ${SITE_NAME}`);
/** Language of every page: dates, numbers, <html lang>, JSON-LD. */
export const LOCALE = 'en-US';
/** The same, as Open Graph writes it: "en_US". */
export const OG_LOCALE = LOCALE.replace('-', '_');
/** Size of every link-preview image, in pixels. */
export const OG_SIZE = { width: 1200, height: 630 } as const;

/**
 * Where readers report an error (the About page). A placeholder until a newsroom
 * sets its own: CONTACT_EMAIL at build time, or change it here (README, "Deploying").
 */
export const CONTACT_EMAIL = process.env.CONTACT_EMAIL ?? 'corrections@example.org';

/** When the About page last changed: its sitemap lastmod, and the date it shows. */
export const ABOUT_UPDATED = '2026-11-26';
