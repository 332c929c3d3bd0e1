/** subset-font ships no types: the one call src/integrations/fonts.ts makes. */
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    preserveNameIds?: number[];
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    noLayoutClosure?: boolean;
    keepFeatures?: string[];
    keepAllGlyphs?: boolean;
    glyphNames?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
  }
  export default function subsetFont(font: Buffer | Uint8Array, text: string | null | undefined, options?: SubsetFontOptions): Promise<Buffer>;
}
