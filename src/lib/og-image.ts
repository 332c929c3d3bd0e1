/** Palette PNG cards: text in four inks loses nothing at 256 colours, at half the size; cardKey adds the font bytes Astro cannot see. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import sharp from 'sharp';
import { cacheKey } from './cache-key.ts';
import { fitPreview, prose, type PreviewText } from './preview.ts';
import { OG_SIZE, SITE_NAME } from './site.ts';

const require = createRequire(import.meta.url);
const FAMILY = 'Source Serif 4';
/** Skia reads WOFF, not WOFF2. */
const FONT_FILES = [400, 700].map((w) => require.resolve(`@fontsource/source-serif-4/files/source-serif-4-latin-${w}-normal.woff`));

const { width: OG_WIDTH, height: OG_HEIGHT } = OG_SIZE;
export const OG_DEFAULT_KICKER = 'Explainer';

export interface CardInput {
  title: string;
  dek: string | PreviewText;
  kicker?: string | undefined;
  period?: string | undefined;
}

let fontData: Buffer[] | undefined;
export function ogFontData(): Buffer[] {
  fontData ??= FONT_FILES.map((f) => readFileSync(f));
  return fontData;
}

export const cardKey = (input: CardInput) => cacheKey(input, ...ogFontData().map((f) => f.toString('base64')));

let canvas: Canvas | undefined;
/** One canvas is enough: a card is drawn whole, without a pause. */
function setUp(): Canvas {
  if (canvas) return canvas;
  for (const data of ogFontData()) GlobalFonts.register(data, FAMILY);
  canvas = createCanvas(OG_WIDTH, OG_HEIGHT);
  return canvas;
}

const PAD = { top: 56, x: 72, bottom: 48 };
const BAR = 24;
const INNER = OG_WIDTH - 2 * PAD.x;
const COLOURS = { bar: '#1b4d89', text: '#1a1c1f', dek: '#33373d', muted: '#545a63', paper: '#ffffff' } as const;

interface Block {
  text: string | PreviewText;
  font: string;
  size: number;
  lineHeight: number;
  colour: string;
  maxLines: number;
  letterSpacing?: number;
}

/** A word longer than the line is cut. */
export function breakLines(ctx: Pick<SKRSContext2D, 'measureText'>, text: string, width: number): string[] {
  const fits = (s: string) => ctx.measureText(s).width <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line) && line.length > 1) {
      // A single word wider than the line: cut it where it fits.
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** At most maxLines: the whole text when it fits, else the first form of its preview that does (src/lib/preview.ts). */
export function wrapLines(ctx: Pick<SKRSContext2D, 'measureText'>, text: string | PreviewText, width: number, maxLines: number): string[] {
  const preview = typeof text === 'string' ? prose(text) : text;
  const whole = typeof text === 'string' ? breakLines(ctx, text, width) : undefined;
  if (whole && whole.length <= maxLines) return whole;
  const fitted = fitPreview(preview, (t) => breakLines(ctx, t, width).length <= maxLines);
  return fitted ? breakLines(ctx, fitted, width) : [];
}

export async function renderOgImage({ title, dek, kicker = OG_DEFAULT_KICKER, period = '' }: CardInput): Promise<Buffer> {
  const pixels = drawCard(title, dek, kicker, period);
  // dither 0: flat inks stay flat; effort 1 is all text on white needs.
  return sharp(pixels, { raw: { width: OG_WIDTH, height: OG_HEIGHT, channels: 4 } }).png({ palette: true, dither: 0, effort: 1, compressionLevel: 6 }).toBuffer();
}

export const pngResponse = (png: Uint8Array) => new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });

export function drawCard(title: string, dek: string | PreviewText, kicker = OG_DEFAULT_KICKER, period = ''): Uint8Array {
  const canvas = setUp();
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = COLOURS.paper;
  ctx.fillRect(0, 0, OG_WIDTH, OG_HEIGHT);
  ctx.fillStyle = COLOURS.bar;
  ctx.fillRect(0, 0, OG_WIDTH, BAR);

  // A short label reads as a kicker in capitals; a headline stays in its own case.
  const label = kicker.length <= 24;
  const long = title.length > 60;
  const blocks: (Block & { gap: number })[] = [
    { gap: 0, text: label ? kicker.toUpperCase() : kicker, font: 'bold', size: label ? 28 : 32, lineHeight: 1.2, colour: COLOURS.muted, maxLines: 2, letterSpacing: label ? 2 : 0 },
    { gap: 20, text: title, font: 'bold', size: long ? 60 : 76, lineHeight: 1.1, colour: COLOURS.text, maxLines: long ? 3 : 2 },
    { gap: 28, text: dek, font: 'normal', size: 34, lineHeight: 1.35, colour: COLOURS.dek, maxLines: 6 },
  ];
  const footSize = 28;
  const footTop = OG_HEIGHT - PAD.bottom - footSize * 1.2;
  let y = BAR + PAD.top;
  ctx.textBaseline = 'top';
  for (const b of blocks) {
    y += b.gap;
    ctx.font = `${b.font} ${b.size}px "${FAMILY}"`;
    ctx.letterSpacing = `${b.letterSpacing ?? 0}px`;
    ctx.fillStyle = b.colour;
    const step = b.size * b.lineHeight;
    // The dek takes what room is left above the foot (less a line's gap).
    const room = Math.floor((footTop - 24 - y) / step);
    const lines = wrapLines(ctx, b.text, INNER, Math.max(0, Math.min(b.maxLines, room)));
    // Half the leading above the glyphs, as CSS sets a line box.
    for (const line of lines) {
      const top = y + (step - b.size) / 2;
      ctx.fillText(line, PAD.x, top);
      y += step;
    }
  }

  ctx.letterSpacing = '0px';
  ctx.font = `bold ${footSize}px "${FAMILY}"`;
  ctx.fillStyle = COLOURS.bar;
  const footY = footTop + (footSize * 1.2 - footSize) / 2;
  ctx.fillText(SITE_NAME, PAD.x, footY);
  if (period) {
    ctx.font = `normal ${footSize}px "${FAMILY}"`;
    ctx.fillStyle = COLOURS.muted;
    const text = `Covers ${period}`;
    const x = OG_WIDTH - PAD.x - ctx.measureText(text).width;
    ctx.fillText(text, x, footY);
  }
  return canvas.data();
}
