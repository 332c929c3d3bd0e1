/**
 * The 1200×630 link-preview cards: one template for every card, drawn with
 * @napi-rs/canvas (Skia) and encoded to an indexed-colour PNG here. The font ships in
 * the repo (src/assets/fonts, Inter, OFL) and is registered once per thread.
 *
 * Why canvas and not satori + resvg (what the story cards used before): a build of
 * 1,000 stories draws about 9,000 cards (a story's and each of its sections'), and
 * satori + resvg took about 50 ms a card where this takes about 11 (Skia draws the
 * text in about 1.5 ms; most of the rest is the PNG encoding). BENCHMARKS.md has the figures.
 *
 * The PNG is an indexed-colour one, encoded here (encodeCardPng): a card is text in four inks on
 * white, so each pixel is one of the inks at some coverage. The template knows which ink each
 * line is drawn in, so a pixel's palette entry is a table look-up of its red value; no
 * quantiser is needed. Deflating 1 byte a pixel instead of 3 takes about 3 ms a card where sharp
 * took 8–9 ms for an RGB PNG, and the file is about 40 KB instead of 75.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import canvasPackage from '@napi-rs/canvas/package.json' with { type: 'json' };
import { crc32, deflateSync } from 'node:zlib';
import { PNG_SIGNATURE } from './og-cache.ts';
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
 * (Title, dek, kicker, period and the font bytes are keyed separately.) The zlib version is there
 * as the PNG's bytes depend on it.
 */
const TEMPLATE_CODE = createHash('sha256')
  .update(readFileSync(path.resolve('src/lib/og-image.ts')))
  .update(readFileSync(path.resolve('src/lib/site.ts')))
  .digest('hex')
  .slice(0, 16);
export const OG_RENDERER_VERSION = `og-template ${TEMPLATE_CODE}; ${OG_WIDTH}x${OG_HEIGHT}; @napi-rs/canvas ${canvasPackage.version}; zlib ${process.versions.zlib}; ${SITE_NAME}`;

let fontData: Buffer[] | undefined;
/** The bytes of the font files the cards are drawn with (read once per thread; the card cache keys by them). */
export function ogFontData(): Buffer[] {
  fontData ??= FONT_FILES.map((f) => readFileSync(path.join(FONT_DIR, f)));
  return fontData;
}

let canvas: Canvas | undefined;
/** The thread's one canvas (a card is drawn whole, without a pause, so one is enough), with the fonts registered first. */
function setUp(): Canvas {
  if (canvas) return canvas;
  for (const data of ogFontData()) GlobalFonts.register(data, 'Inter');
  canvas = createCanvas(OG_WIDTH, OG_HEIGHT);
  return canvas;
}

/** The template's measures, in pixels. */
const PAD = { top: 56, x: 72, bottom: 48 };
const BAR = 24;
const INNER = OG_WIDTH - 2 * PAD.x;
const COLOURS = { bar: '#1b4d89', text: '#1a1c1f', dek: '#33373d', muted: '#545a63', paper: '#ffffff' } as const;
/** The inks, in palette order: everything but the paper is drawn in one of these. */
const INKS = [COLOURS.bar, COLOURS.text, COLOURS.dek, COLOURS.muted] as const;
type Ink = (typeof INKS)[number];

/**
 * Which ink each row is drawn in (the index in INKS), and from which x on a second ink takes
 * over (the foot: the site's name, then the period). The template marks each line's rows (a
 * little more than its glyphs, for anti-aliasing) as it draws it; a later line takes rows an
 * earlier one marked. Unmarked rows are the paper; any glyph edge there reads as body text.
 */
export class InkMap {
  readonly ink = new Uint8Array(OG_HEIGHT).fill(INKS.indexOf(COLOURS.text));
  readonly second = new Uint8Array(OG_HEIGHT);
  /** Where the second ink starts, per row (OG_WIDTH: none). */
  readonly from = new Uint16Array(OG_HEIGHT).fill(OG_WIDTH);
  private rows(y0: number, y1: number): number[] {
    const out: number[] = [];
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(OG_HEIGHT, Math.ceil(y1)); y++) out.push(y);
    return out;
  }
  mark(ink: Ink, y0: number, y1: number): void {
    for (const y of this.rows(y0, y1)) {
      this.ink[y] = INKS.indexOf(ink);
      this.from[y] = OG_WIDTH;
    }
  }
  /** A second ink in these rows, from x on. */
  markFrom(ink: Ink, x: number, y0: number, y1: number): void {
    for (const y of this.rows(y0, y1)) {
      this.second[y] = INKS.indexOf(ink);
      this.from[y] = Math.max(0, Math.min(OG_WIDTH, Math.floor(x)));
    }
  }
}

/** Coverage levels per ink (the paper is level 0 of every ink): 4 × 63 + 1 = 253 palette entries. */
const LEVELS = 63;
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const PAPER = rgb(COLOURS.paper);
/** PLTE: the paper, then each ink at 1/63 … 63/63 over the paper. */
const PALETTE = Buffer.from([
  ...PAPER,
  ...INKS.flatMap((ink) => Array.from({ length: LEVELS }, (_, l) => rgb(ink).map((c, k) => Math.round(PAPER[k]! + ((c - PAPER[k]!) * (l + 1)) / LEVELS))).flat()),
]);
/** For each ink, red value → palette index: the coverage a red value means over the paper, to the nearest level. */
const LOOKUP = new Uint8Array(INKS.length * 256);
INKS.forEach((ink, i) => {
  const red = rgb(ink)[0];
  for (let r = 0; r < 256; r++) {
    const level = Math.round(Math.min(1, Math.max(0, (PAPER[0] - r) / (PAPER[0] - red))) * LEVELS);
    LOOKUP[i * 256 + r] = level === 0 ? 0 : 1 + i * LEVELS + level - 1;
  }
});

/** A row of bare paper, as the canvas holds it (RGBA). */
const PAPER_ROW = Buffer.alloc(OG_WIDTH * 4, 0xff);
for (let x = 0; x < OG_WIDTH; x++) PAPER_ROW.set([...PAPER, 0xff], x * 4);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * An 8-bit indexed-colour PNG of a card's RGBA pixels, each mapped to the palette by its ink
 * (the ink map) and its red value. Rows unfiltered (the paper's long runs deflate well as they are),
 * zlib level 2: about 2.5 ms and 40 KB a card, where level 6 takes three times as long for a few KB less.
 */
export function encodeCardPng(rgba: Uint8Array, inks: InkMap): Buffer {
  // Zeros: filter type 0 and palette entry 0, the paper, so a row of bare paper is left as it is.
  const raw = new Uint8Array(OG_HEIGHT * (OG_WIDTH + 1));
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  let o = 0;
  for (let y = 0, p = 0; y < OG_HEIGHT; y++) {
    o++;
    if (pixels.compare(PAPER_ROW, 0, PAPER_ROW.length, p, p + PAPER_ROW.length) === 0) {
      o += OG_WIDTH;
      p += PAPER_ROW.length;
      continue;
    }
    const from = inks.from[y]!;
    let base = inks.ink[y]! << 8;
    for (let x = 0; x < from; x++, p += 4) raw[o++] = LOOKUP[base | rgba[p]!]!;
    base = inks.second[y]! << 8;
    for (let x = from; x < OG_WIDTH; x++, p += 4) raw[o++] = LOOKUP[base | rgba[p]!]!;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(OG_WIDTH, 0);
  header.writeUInt32BE(OG_HEIGHT, 4);
  header.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', PALETTE),
    chunk('IDAT', deflateSync(raw, { level: 2 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

interface Block {
  text: string;
  font: string;
  size: number;
  lineHeight: number;
  colour: Ink;
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
  const { rgba, inks } = drawCard(title, dek, kicker, period);
  return encodeCardPng(rgba, inks);
}

/** The card's RGBA pixels and where each ink is. */
export function drawCard(title: string, dek: string, kicker = OG_DEFAULT_KICKER, period = ''): { rgba: Uint8Array; inks: InkMap } {
  const canvas = setUp();
  const inks = new InkMap();
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = COLOURS.paper;
  ctx.fillRect(0, 0, OG_WIDTH, OG_HEIGHT);
  ctx.fillStyle = COLOURS.bar;
  ctx.fillRect(0, 0, OG_WIDTH, BAR);
  inks.mark(COLOURS.bar, 0, BAR);

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
      const top = y + (step - b.size) / 2;
      ctx.fillText(line, PAD.x, top);
      inks.mark(b.colour, top - b.size * 0.25, top + b.size * 1.35);
      y += step;
    }
  }

  ctx.letterSpacing = '0px';
  ctx.font = `bold ${footSize}px Inter`;
  ctx.fillStyle = COLOURS.bar;
  const footY = footTop + (footSize * 1.2 - footSize) / 2;
  ctx.fillText(SITE_NAME, PAD.x, footY);
  const nameEnd = PAD.x + ctx.measureText(SITE_NAME).width;
  inks.mark(COLOURS.bar, footY - footSize * 0.25, footY + footSize * 1.35);
  if (period) {
    ctx.font = `normal ${footSize}px Inter`;
    ctx.fillStyle = COLOURS.muted;
    const text = `Covers ${period}`;
    const x = OG_WIDTH - PAD.x - ctx.measureText(text).width;
    ctx.fillText(text, x, footY);
    inks.markFrom(COLOURS.muted, Math.max(nameEnd + 4, x - 4), footY - footSize * 0.25, footY + footSize * 1.35);
  }
  return { rgba: canvas.data(), inks };
}
