import { OG_LOCALE, OG_SIZE, SITE_NAME } from './site.ts';

export interface PreviewInput {
  title: string;
  description: string;
  url: string;
  type: 'website' | 'article';
  image?: string | undefined;
  imageAlt?: string | undefined;
  published?: string | undefined;
  modified?: string | undefined;
}

export interface PreviewTag {
  kind: 'property' | 'name';
  key: string;
  content: string;
}

export function previewTags({ title, description, url, type, image, imageAlt, published, modified }: PreviewInput): PreviewTag[] {
  const og = (key: string, content: string): PreviewTag => ({ kind: 'property', key, content });
  const tw = (key: string, content: string): PreviewTag => ({ kind: 'name', key, content });
  return [
    og('og:site_name', SITE_NAME),
    og('og:type', type),
    og('og:title', title),
    og('og:description', description),
    og('og:url', url),
    og('og:locale', OG_LOCALE),
    ...(image
      ? [og('og:image', image), og('og:image:type', 'image/png'), og('og:image:width', String(OG_SIZE.width)), og('og:image:height', String(OG_SIZE.height)), og('og:image:alt', imageAlt ?? title)]
      : []),
    ...(published ? [og('article:published_time', published)] : []),
    ...(modified ? [og('article:modified_time', modified)] : []),
    tw('twitter:card', image ? 'summary_large_image' : 'summary'),
    tw('twitter:title', title),
    tw('twitter:description', description),
    ...(image ? [tw('twitter:image', image), tw('twitter:image:alt', imageAlt ?? title)] : []),
  ];
}
