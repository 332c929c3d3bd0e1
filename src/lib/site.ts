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

/**
 * Whether an address is a newsroom's own, not a placeholder at one of the reserved
 * example domains (example.org, .com, .net and their subdomains), where no one reads mail.
 */
export function isRealAddress(email: string): boolean {
  return !/@(?:[^@.]+\.)*example\.(?:org|com|net)$/i.test(email.trim());
}

/** The About page promises that someone reads every message only when this is true. */
export const CONTACT_IS_SET = isRealAddress(CONTACT_EMAIL);

/** When the About page last changed: its sitemap lastmod, and the date it shows. */
export const ABOUT_UPDATED = '2026-12-06';
