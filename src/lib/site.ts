export const SITE_NAME = 'The Explainer';
/** Unless the title names the site already ("About The Explainer"). */
export const withSiteName = (title: string) => (title.includes(SITE_NAME) ? title : `${title} · ${SITE_NAME}`);
export const LOCALE = 'en-US';
export const OG_LOCALE = LOCALE.replace('-', '_');
export const OG_SIZE = { width: 1200, height: 630 } as const;

/** A placeholder until a newsroom sets CONTACT_EMAIL at build time (README, "Deploying"). */
export const CONTACT_EMAIL = process.env.CONTACT_EMAIL ?? 'corrections@example.org';

/** Not a placeholder at a reserved example domain, where no one reads mail. */
export function isRealAddress(email: string): boolean {
  return !/@(?:[^@.]+\.)*example\.(?:org|com|net)$/i.test(email.trim());
}

/** The About page promises that someone reads every message only when this is true. */
export const CONTACT_IS_SET = isRealAddress(CONTACT_EMAIL);

export const ABOUT_UPDATED = '2026-12-06';
