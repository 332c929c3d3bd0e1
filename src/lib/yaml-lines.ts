/**
 * Finds the line of a frontmatter field, so a problem can say "story.mdx:14"
 * and an editor can jump there. Reads the block style stories are written in
 * (`key: value`, `- ` lists, `[a, b]` lists on one line). When the field itself
 * is missing, it answers the line of the nearest enclosing entry that exists:
 * a missing `sources[1].publisher` points at the `- id: …` line of that source.
 */

interface YamlLine {
  /** Line number in the file. */
  n: number;
  /** Leading spaces. */
  indent: number;
  /** Column where the line's content starts after any "- " markers. */
  col: number;
  /** The line starts a list item. */
  dash: boolean;
  /** The mapping key on this line, if any. */
  key?: string;
}

const LINE = /^( *)((?:-(?: +|$))*)(.*)$/;
const KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s"'#:[\]{},][^:#]*?))\s*:(?: |$)/;

function scan(yaml: string, firstLine: number): YamlLine[] {
  const out: YamlLine[] = [];
  yaml.split(/\r?\n/).forEach((raw, i) => {
    const m = LINE.exec(raw)!;
    const rest = m[3]!;
    if (!m[2] && (rest.trim() === '' || rest.trimStart().startsWith('#'))) return;
    const k = KEY.exec(rest);
    out.push({
      n: firstLine + i,
      indent: m[1]!.length,
      col: m[1]!.length + m[2]!.length,
      dash: m[2]!.length > 0,
      key: k ? (k[1] ?? k[2] ?? k[3])!.trim() : undefined,
    });
  });
  return out;
}

/** "sources[2].quotes[0]" → ["sources", 2, "quotes", 0]; null when it is not a field path. */
export function parseFieldPath(field: string): (string | number)[] | null {
  if (!/^[A-Za-z_][\w-]*(?:\[\d+\]|\.[A-Za-z_][\w-]*)*$/.test(field)) return null;
  return [...field.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/**
 * Line of `path` in `yaml`, whose first line is line `firstLine` of the file
 * (2 for frontmatter after the opening ---). Undefined when not even the first
 * part of the path is there.
 */
export function lineOfPath(yaml: string, path: readonly PropertyKey[], firstLine = 1): number | undefined {
  const lines = scan(yaml, firstLine);
  let lo = 0;
  let hi = lines.length;
  let found: number | undefined;
  for (const seg of path) {
    if (lo >= hi) break; // the value sits on the line already found ("sources: [a, b]").
    if (typeof seg === 'number') {
      const itemIndent = lines[lo]!.indent;
      const items: number[] = [];
      for (let i = lo; i < hi; i++) if (lines[i]!.dash && lines[i]!.indent === itemIndent) items.push(i);
      const at = items[seg];
      if (at === undefined) break;
      found = lines[at]!.n;
      lo = at;
      hi = items[seg + 1] ?? hi;
      // An item's own keys start on its "- " line; a plain item ("- words") has nothing inside.
      if (!lines[at]!.key) lo = at + 1;
    } else {
      const col = lines[lo]!.col;
      let at = -1;
      for (let i = lo; i < hi; i++) {
        if (lines[i]!.col === col && lines[i]!.key === String(seg)) {
          at = i;
          break;
        }
      }
      if (at < 0) break;
      found = lines[at]!.n;
      let end = at + 1;
      while (end < hi && lines[end]!.col > lines[at]!.col) end++;
      lo = at + 1;
      hi = end;
    }
  }
  return found;
}
