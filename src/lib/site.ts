/** The site's name, shown in the header, titles, the feed and link previews. */
export const SITE_NAME = 'The Explainer';
/** Language of every page. */
export const LOCALE = 'en-US';
