/**
 * Content-Security-Policy directives besides script-src and style-src, which
 * Astro fills with the hashes of the page's own scripts and styles.
 * Nothing may load from another origin.
 */
export const cspDirectives = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "manifest-src 'self'",
] as const;
