/**
 * Reading headers as the tests see them, independently of the code that writes
 * them (src/lib/headers.ts): a _headers file, a Content-Security-Policy, and the
 * CSP <meta> of a page.
 */

export type Policy = Map<string, string[]>;

/** "default-src 'self'; img-src 'self' data:" → Map { default-src → ['self'], … }. */
export function parsePolicy(csp: string): Policy {
  const policy: Policy = new Map();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

export interface HeadersRule {
  path: string;
  headers: Array<[string, string]>;
  /** Headers of earlier rules it drops ("! Name"), lowercased. */
  unset: string[];
}

/** Netlify/Cloudflare _headers: a path line, then indented "Name: value" or "! Name" lines. */
export function parseHeadersFile(text: string): HeadersRule[] {
  const rules: HeadersRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [], unset: [] });
    else if (rules.length) {
      const m = /^\s+([^:!]+):\s*(.*)$/.exec(line);
      if (m) rules.at(-1)!.headers.push([m[1]!.trim(), m[2]!.trim()]);
      const drop = /^\s+!\s*(\S+)\s*$/.exec(line);
      if (drop) rules.at(-1)!.unset.push(drop[1]!.toLowerCase());
    }
  }
  return rules;
}

/** Whether a _headers path pattern ("/*", "/_astro/*", "/a/") matches a URL path. */
export function matches(pattern: string, urlPath: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/:\w+/g, '[^/]+')}$`);
  return re.test(urlPath);
}

/**
 * The headers _headers gives a URL path, names lowercased, as Cloudflare Pages applies it: every
 * rule that matches, in order, each dropping the headers it unsets, then adding its own (a header
 * two rules set, and none dropped, comes twice: the host would join the values).
 */
export function headersFor(rules: HeadersRule[], urlPath: string): Array<[string, string]> {
  let out: Array<[string, string]> = [];
  for (const r of rules.filter((x) => matches(x.path, urlPath))) {
    out = out.filter(([n]) => !r.unset.includes(n));
    out.push(...r.headers.map(([n, v]) => [n.toLowerCase(), v] as [string, string]));
  }
  return out;
}

/** The policy of a page's CSP <meta>, entities decoded. */
export function metaPolicy(html: string): string | undefined {
  return /<meta http-equiv="content-security-policy" content="([^"]+)"/i
    .exec(html)?.[1]
    ?.replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
