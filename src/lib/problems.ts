/** One line to an editor: content/stories/x.mdx:14 · timeline[2].sources[0]: "cnbc-mem" is not a source of this story. Fix: … */
export interface Problem {
  file: string;
  line?: number;
  field: string;
  value?: unknown;
  /** Completes the sentence "<field>: <value> …". */
  message: string;
  fix: string;
}

export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  const short = s.length > 80 ? `${s.slice(0, 77)}…` : s;
  return `"${short}" `;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where} · ${p.field}: ${formatValue(p.value)}${p.message}. Fix: ${p.fix}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

export function contentReport(problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return `Story content has ${count}; nothing was published:\n${problems.map(formatProblem).join('\n')}`;
}
