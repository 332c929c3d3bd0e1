/**
 * The 1200×630 link-preview image of a story, drawn from its title and dek
 * with satori (layout to SVG) and resvg (SVG to PNG). The font ships in the
 * repo (src/assets/fonts, Inter, OFL) and is read once per build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import resvgPackage from '@resvg/resvg-js/package.json' with { type: 'json' };
import satori from 'satori';
import satoriPackage from 'satori/package.json' with { type: 'json' };
import { OG_SIZE, SITE_NAME } from './site.ts';

/** Fonts are read from the project, not from the bundle (the build runs from the project root). */
const FONT_DIR = path.resolve('src/assets/fonts');

const { width: OG_WIDTH, height: OG_HEIGHT } = OG_SIZE;
export const OG_DEFAULT_KICKER = 'Explainer';

/**
 * Names this renderer for the OG image cache (og-cache.ts): every cached image was drawn by
 * exactly this. Bump OG_TEMPLATE when the drawing below changes; the library versions and
 * the site name are in it already. (Title, dek, kicker and the font bytes are keyed separately.)
 */
const OG_TEMPLATE = 1;
export const OG_RENDERER_VERSION = `og-template ${OG_TEMPLATE}; ${OG_WIDTH}x${OG_HEIGHT}; satori ${satoriPackage.version}; @resvg/resvg-js ${resvgPackage.version}; ${SITE_NAME}`;

let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
  fonts ??= [
    { name: 'Inter', data: readFileSync(path.join(FONT_DIR, 'inter-latin-400-normal.woff')), weight: 400, style: 'normal' },
    { name: 'Inter', data: readFileSync(path.join(FONT_DIR, 'inter-latin-700-normal.woff')), weight: 700, style: 'normal' },
  ];
  return fonts;
}
/** The bytes of the font files the images are drawn with (read once per build). */
export const ogFontData = (): Buffer[] => loadFonts().map((f) => f.data);

type Node = { type: string; props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string } };
const el = (type: string, style: Record<string, unknown>, children: Node['props']['children']): Node => ({ type, props: { style, children } });

export async function renderOgImage(title: string, dek: string, kicker = OG_DEFAULT_KICKER): Promise<Buffer> {
  const inner = OG_WIDTH - 2 * 72;
  const tree = el('div', { width: OG_WIDTH, height: OG_HEIGHT, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '56px 72px 48px', background: '#ffffff', color: '#1a1c1f', fontFamily: 'Inter', borderTop: '24px solid #1b4d89' }, [
    el('div', { display: 'flex', flexDirection: 'column', width: inner }, [
      el('div', { display: 'flex', fontSize: 28, fontWeight: 700, letterSpacing: 2, textTransform: 'uppercase', color: '#545a63' }, kicker),
      el('div', { display: 'flex', width: inner, fontSize: title.length > 60 ? 60 : 76, fontWeight: 700, lineHeight: 1.1, marginTop: 20 }, title),
      el('div', { display: 'flex', width: inner, fontSize: 34, lineHeight: 1.35, marginTop: 28, color: '#33373d' }, dek.length > 180 ? `${dek.slice(0, 177)}…` : dek),
    ]),
    el('div', { display: 'flex', fontSize: 28, fontWeight: 700, color: '#1b4d89' }, SITE_NAME),
  ]);
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
  // satori has already turned the text into paths: resvg needs no fonts, so it should not scan
  // the system's font folders again for every image (same PNG, less work per story).
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
}
