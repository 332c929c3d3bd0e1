/** Self-hosted Source Serif 4, subset to the site's characters, with metric-matched fallbacks so a late font does not move the text. */
import { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createFontStack } from '@capsizecss/core';
import sourceSerif4 from '@capsizecss/metrics/sourceSerif4';
import timesNewRoman from '@capsizecss/metrics/timesNewRoman';
import georgia from '@capsizecss/metrics/georgia';
import notoSerif from '@capsizecss/metrics/notoSerif';
import subsetFont from 'subset-font';
import { listStoryFiles } from '../checks/check-story.ts';

export const FAMILY = 'Source Serif 4';
export const WEIGHTS = [400, 700] as const;
export const FONT_OUT_DIR = path.resolve('src/styles/fonts');
const TEMPLATE_DIRS = ['src/components', 'src/layouts', 'src/pages', 'src/user-components', 'src/lib'];
const FEATURES = ['kern', 'liga', 'calt', 'ccmp', 'locl', 'mark', 'mkmk', 'smcp', 'c2sc', 'lnum', 'pnum', 'tnum'];

const require = createRequire(import.meta.url);
const fontFile = (weight: number) => require.resolve(`@fontsource/source-serif-4/files/source-serif-4-latin-${weight}-normal.woff2`);

/** Printable ASCII, plus every other character in the stories being built and in the templates. */
export function siteCharacters(root = process.cwd(), stories: readonly string[] = listStoryFiles()): string[] {
  const chars = new Set<string>();
  for (let c = 0x20; c <= 0x7e; c++) chars.add(String.fromCodePoint(c));
  // The typographer's characters the build itself writes (the space before a citation, quotes, dashes).
  for (const ch of '\u00A0\u2011\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u00B7\u2022\u00D7') chars.add(ch);
  const read = (file: string) => {
    for (const ch of readFileSync(file, 'utf8')) if (ch.codePointAt(0)! > 0x7e) chars.add(ch);
  };
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(mdx?|astro|ts)$/.test(entry.name)) read(p);
    }
  };
  stories.forEach(read);
  for (const dir of TEMPLATE_DIRS) walk(path.join(root, dir));
  chars.delete('\uFEFF');
  return [...chars].filter((ch) => !/\p{Cc}|\p{Extended_Pictographic}/u.test(ch)).sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

export function unicodeRange(chars: readonly string[]): string {
  const cps = [...new Set(chars.map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j]! + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    runs.push(i === j ? `U+${hex(cps[i]!)}` : `U+${hex(cps[i]!)}-${hex(cps[j]!)}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** By the metrics family Capsize measured (Liberation Serif has Times New Roman's metrics). */
const LOCAL_FACES: Record<string, Record<(typeof WEIGHTS)[number], string[]>> = {
  'Times New Roman': {
    400: ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'LiberationSerif'],
    700: ['Times New Roman Bold', 'TimesNewRomanPS-BoldMT', 'Liberation Serif Bold', 'LiberationSerif-Bold'],
  },
  Georgia: { 400: ['Georgia'], 700: ['Georgia Bold', 'Georgia-Bold'] },
  'Noto Serif': { 400: ['Noto Serif Regular', 'NotoSerif-Regular', 'Noto Serif'], 700: ['Noto Serif Bold', 'NotoSerif-Bold'] },
};
const FALLBACK_METRICS = [timesNewRoman, georgia, notoSerif];
/** Quoted, with a colon: unquoted, a name starting with "Serif" reads as the generic family and the rule is dropped. */
const fallbackName = (family: string) => `${FAMILY} Fallback: ${family}`;
export const FONT_STACK = [`"${FAMILY}"`, ...FALLBACK_METRICS.map((m) => `"${fallbackName(m.familyName)}"`), 'serif'].join(', ');

/** Each fallback at each weight, so bold falls back to a real bold, not the regular face made bold (whose width differs). */
export function fontCss(chars: readonly string[]): string {
  const { fontFaces } = createFontStack([sourceSerif4, ...FALLBACK_METRICS], { fontFaceFormat: 'styleObject' });
  const range = unicodeRange(chars);
  const faces = WEIGHTS.map((w) => `@font-face {
  font-family: "${FAMILY}";
  src: url("./source-serif-4-${w}.woff2") format("woff2");
  font-weight: ${w};
  font-style: normal;
  font-display: swap;
  unicode-range: ${range};
}`);
  for (const [i, face] of fontFaces.entries()) {
    const m = face['@font-face'];
    const family = FALLBACK_METRICS[i]!.familyName;
    const locals = LOCAL_FACES[family];
    if (!locals) throw new Error(`fonts: no local faces listed for the fallback ${family}`);
    const overrides = [['ascent-override', m.ascentOverride], ['descent-override', m.descentOverride], ['line-gap-override', m.lineGapOverride], ['size-adjust', m.sizeAdjust]]
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `  ${k}: ${v};`)
      .join('\n');
    for (const w of WEIGHTS) {
      faces.push(`@font-face {
  font-family: "${fallbackName(family)}";
  src: ${locals[w].map((n) => `local("${n}")`).join(', ')};
  font-weight: ${w};
${overrides}
}`);
    }
  }
  return `/* Generated by src/integrations/fonts.ts from @fontsource/source-serif-4 and @capsizecss/metrics: do not edit. */\n:root { --font-serif: ${FONT_STACK}; }\n${faces.join('\n')}\n`;
}

/** So the dev server does not reload for nothing. */
function writeIfChanged(file: string, data: Buffer): void {
  if (!existsSync(file) || !readFileSync(file).equals(data)) writeFileSync(file, data);
}

export async function writeFonts(outDir = FONT_OUT_DIR, root = process.cwd()): Promise<{ chars: string[]; bytes: Record<number, number> }> {
  const chars = siteCharacters(root);
  mkdirSync(outDir, { recursive: true });
  const bytes: Record<number, number> = {};
  for (const w of WEIGHTS) {
    const subset = await subsetFont(readFileSync(fontFile(w)), chars.join(''), { targetFormat: 'woff2', keepFeatures: FEATURES });
    writeIfChanged(path.join(outDir, `source-serif-4-${w}.woff2`), subset);
    bytes[w] = subset.length;
  }
  writeIfChanged(path.join(outDir, 'fonts.css'), Buffer.from(fontCss(chars)));
  return { chars, bytes };
}
