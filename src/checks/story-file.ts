/** YAML is read with the core schema: dates stay text, so 2026-02-30 is reported, not rolled over to March 2. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLError } from 'yaml';
import type { Problem } from '../lib/problems.ts';

export interface StoryFile {
  file: string;
  frontmatter: Record<string, unknown>;
  body: string;
  /** E.g. ["sources", 2, "url"]; undefined when it is not written. */
  lineOf(fieldPath: readonly (string | number)[]): number | undefined;
}

export function displayPath(p: string): string {
  return path.isAbsolute(p) ? path.relative(process.cwd(), p) : p;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/;

/** The story, or the problems that stop it being read at all. */
export function parseStory(source: string, file: string): { story?: StoryFile; problems: Problem[] } {
  const m = FRONTMATTER.exec(source);
  if (!m) {
    return { problems: [{ file, line: 1, field: 'frontmatter', message: 'is missing', fix: 'start the file with a --- line, the fields, and another --- line' }] };
  }
  const yamlText = m[1]!;
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'core', lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  // The frontmatter starts on line 2 of the file.
  const lineAt = (offset: number) => lines.linePos(offset).line + 1;
  if (doc.errors.length) return { problems: [yamlProblem(doc.errors[0]!, yamlText, lineAt, file)] };
  const data = doc.toJS() as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [{ file, line: 2, field: 'frontmatter', message: 'is not a set of fields', fix: 'write one "name: value" per line' }] };
  }
  const lineOf = (fieldPath: readonly (string | number)[]): number | undefined => {
    let node: unknown = doc.contents;
    let at: YamlNode | undefined;
    for (const key of fieldPath) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
        if (!pair) return undefined;
        at = pair.key as YamlNode;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if (!node) return undefined;
        at = node as YamlNode;
      } else return undefined;
    }
    return at?.range ? lineAt(at.range[0]) : undefined;
  };
  const body = m[0].replace(/[^\n]/g, ' ') + source.slice(m[0].length);
  return { story: { file, frontmatter: data as Record<string, unknown>, body, lineOf }, problems: [] };
}

let last: { absPath: string; source: string; parsed: ReturnType<typeof parseStory> } | undefined;

/** The last file parsed is kept (compared by bytes): the body's rules read it again, and parsing YAML with positions is slow. */
export function readStory(absPath: string): { story?: StoryFile; problems: Problem[] } {
  const source = readFileSync(absPath, 'utf8');
  if (last?.absPath === absPath && last.source === source) return last.parsed;
  const parsed = parseStory(source, displayPath(absPath));
  last = { absPath, source, parsed };
  return parsed;
}

function yamlProblem(err: YAMLError, yamlText: string, lineAt: (offset: number) => number, file: string): Problem {
  const line = lineAt(err.pos[0]);
  const text = (yamlText.split(/\r?\n/)[line - 2] ?? '').trim();
  const [message, fix] =
    err.code === 'DUPLICATE_KEY'
      ? ['gives the same field twice', 'keep one of the two lines']
      : err.code === 'TAB_AS_INDENT'
        ? ['is indented with a tab', 'indent with spaces only']
        : err.code === 'BLOCK_AS_IMPLICIT_KEY'
          ? ['has a second ": " that YAML reads as a field inside the value', 'put the value in double quotes: title: "Strike: day two"']
          : [
            `cannot be read (${err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')})`,
            'put a value that contains ": " or " #" in double quotes (title: "Strike: day two"), and indent the fields of a list entry evenly',
          ];
  return { file, line, field: 'frontmatter', value: text || undefined, message, fix };
}
