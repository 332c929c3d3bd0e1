import type { NewsArticle, WithContext } from 'schema-dts';
import { LOCALE, SITE_NAME } from './site.ts';

export interface ArticleInput {
  title: string;
  dek: string;
  published: string;
  updated: string;
  url: string;
  image: string;
  site: string;
  /** An ISO 8601 interval ("2025-01-21/2026-04-13"). */
  coverage?: string | undefined;
  sources: readonly { publisher: string; title: string; url: string; published: string }[];
}

export function newsArticle(a: ArticleInput): WithContext<NewsArticle> {
  const org = { '@type': 'NewsMediaOrganization' as const, name: SITE_NAME, url: a.site };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: a.dek,
    datePublished: a.published,
    dateModified: a.updated,
    ...(a.coverage ? { temporalCoverage: a.coverage } : {}),
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    image: [a.image],
    author: org,
    publisher: { ...org, logo: { '@type': 'ImageObject', url: new URL('/favicon.svg', a.site).href } },
    inLanguage: LOCALE,
    citation: a.sources.map((s) => ({
      '@type': 'CreativeWork' as const,
      name: s.title,
      url: s.url,
      datePublished: s.published,
      publisher: { '@type': 'Organization' as const, name: s.publisher },
    })),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text can close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
