/** A smaller old space makes V8 collect sooner, keeping a large build's peak memory down (BENCHMARKS.md); a NODE_OPTIONS cap wins. */
export const BUILD_HEAP_MB = 896;

export function withHeapCap(nodeOptions: string | undefined): string {
  const current = (nodeOptions ?? '').trim();
  if (/--max[-_]old[-_]space[-_]size\b/.test(current)) return current;
  return `${current} --max-old-space-size=${BUILD_HEAP_MB}`.trim();
}
