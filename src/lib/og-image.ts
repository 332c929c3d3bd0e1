/**
 * The 1200×630 link-preview cards: one template for every card, drawn with
 * @napi-rs/canvas (Skia) and encoded to PNG with sharp (libvips). The font ships in
 * the repo (src/assets/fonts, Inter, OFL) and is registered once per thread.
 *
 * Why canvas and not satori + resvg (what the story cards used before): a build of
 * 1,000 stories draws about 9,000 cards (a story's and each of its sections'), and
 * satori + resvg took about 50 ms a card where this takes about 11 (Skia draws the
 * text in about 1.5 ms; most of the rest is the PNG encoding). BENCHMARKS.md has the figures.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import canvasPackage from '@napi-rs/canvas/package.json' with { type: 'json' };
import sharp from 'sharp';
import { OG_SIZE, SITE_NAME } from './site.ts';

/** Fonts are read from the project, not from the bundle (the build runs from the project root). */
const FONT_DIR = path.resolve('src/assets/fonts');
const FONT_FILES = ['inter-latin-400-normal.woff', 'inter-latin-700-normal.woff'];

const { width: OG_WIDTH, height: OG_HEIGHT } = OG_SIZE;
export const OG_DEFAULT_KICKER = 'Explainer';

/**
 * Names this renderer for the OG image cache (og-cache.ts): every cached image was drawn by
 * exactly this. It holds a hash of this file's and site.ts's own text, so any change to the
 * drawing draws every card again, and the library versions and the site's size and name.
 * (Title, dek, kicker, period and the font bytes are keyed separately.)
 */
const TEMPLATE_CODE = createHash('sha256')
  .update(readFileSync(path.resolve('src/lib/og-image.ts')))
  .update(readFileSync(path.resolve('src/lib/site.ts')))
  .digest('hex')
  .slice(0, 16);
export const OG_RENDERER_VERSION = `og-template ${TEMPLATE_CODE}; ${OG_WIDTH}x${OG_HEIGHT}; @napi-rs/canvas ${canvasPackage.version}; sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}; ${SITE_NAME}`;

let fontData: Buffer[] | undefined;
/** The bytes of the font files the cards are drawn with (read once per thread; the card cache keys by them). */
export function ogFontData(): Buffer[] {
  fontData ??= FONT_FILES.map((f) => readFileSync(path.join(FONT_DIR, f)));
  return fontData;
}

let ready = false;
/** Registers the fonts with Skia and sets sharp up, once per thread that draws. */
function setUp(): void {
  if (ready) return;
  for (const data of ogFontData()) GlobalFonts.register(data, 'Inter');
  // One image at a time per thread: the pool (worker-pool.ts) runs one thread per core.
  sharp.concurrency(1);
  sharp.cache(false);
  ready = true;
}

/** The template's measures, in pixels. */
const PAD = { top: 56, x: 72, bottom: 48 };
const BAR = 24;
const INNER = OG_WIDTH - 2 * PAD.x;
const COLOURS = { bar: '#1b4d89', text: '#1a1c1f', dek: '#33373d', muted: '#545a63', paper: '#ffffff' };

interface Block {
  text: string;
  font: string;
  size: number;
  lineHeight: number;
  colour: string;
  maxLines: number;
  letterSpacing?: number;
}

/**
 * The lines of a text at the context's font, broken between words to fit the width; at most
 * maxLines, the last ending in "…" when the text goes on. A word longer than the line is cut.
 */
export function wrapLines(ctx: Pick<SKRSContext2D, 'measureText'>, text: string, width: number, maxLines: number): string[] {
  const fits = (s: string) => ctx.measureText(s).width <= width;
  const lines: string[] = [];
  let line = '';
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    if (lines.length === maxLines) {
      // No room for the rest: end the last line with an ellipsis.
      let last = lines.pop()!;
      while (last && !fits(`${last}…`)) last = last.includes(' ') ? last.slice(0, last.lastIndexOf(' ')) : last.slice(0, -1);
      lines.push(`${last.replace(/[\s,;:–—-]+$/, '')}…`);
      return lines;
    }
    while (!fits(line) && line.length > 1) {
      // A single word wider than the line: cut it where it fits.
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
      if (lines.length === maxLines) return lines;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * One template for every card: the story's (kicker "Explainer", its headline, its dek), a section's
 * (the story's headline small as the kicker, the section's title large, its first line) and the
 * home and About pages'. The foot carries the site's name and, when given, the period covered.
 */
export async function renderOgImage(title: string, dek: string, kicker = OG_DEFAULT_KICKER, period = ''): Promise<Buffer> {
  setUp();
  const canvas = createCanvas(OG_WIDTH, OG_HEIGHT);
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
    ctx.font = `${b.font} ${b.size}px Inter`;
    ctx.letterSpacing = `${b.letterSpacing ?? 0}px`;
    ctx.fillStyle = b.colour;
    const step = b.size * b.lineHeight;
    // The dek takes what room is left above the foot (less a line's gap).
    const room = Math.floor((footTop - 24 - y) / step);
    const lines = wrapLines(ctx, b.text, INNER, Math.max(0, Math.min(b.maxLines, room)));
    // Half the leading above the glyphs, as CSS sets a line box.
    for (const line of lines) {
      ctx.fillText(line, PAD.x, y + (step - b.size) / 2);
      y += step;
    }
  }

  ctx.letterSpacing = '0px';
  ctx.font = `bold ${footSize}px Inter`;
  ctx.fillStyle = COLOURS.bar;
  const footY = footTop + (footSize * 1.2 - footSize) / 2;
  ctx.fillText(SITE_NAME, PAD.x, footY);
  if (period) {
    ctx.font = `normal ${footSize}px Inter`;
    ctx.fillStyle = COLOURS.muted;
    const text = `Covers ${period}`;
    ctx.fillText(text, OG_WIDTH - PAD.x - ctx.measureText(text).width, footY);
  }

  // RGB, no alpha; zlib level 2 without adaptive filtering: about 7 ms, 40–60 KB.
  return sharp(canvas.data(), { raw: { width: OG_WIDTH, height: OG_HEIGHT, channels: 4 } })
    .removeAlpha()
    .png({ compressionLevel: 2, adaptiveFiltering: false })
    .toBuffer();
}
