/**
 * The heap cap for Astro builds (scripts/build.ts, and the same for scripts/bench.ts).
 *
 * V8 sizes its heap from the machine's memory and grows it lazily; a smaller old space makes it
 * collect garbage sooner, which keeps a large build's peak memory down (BENCHMARKS.md has the
 * figures). A NODE_OPTIONS that already sets --max-old-space-size wins (a bigger archive may need more).
 */
export const BUILD_HEAP_MB = 896;

/** NODE_OPTIONS for the build: the given options plus the heap cap, unless they set one already. */
export function withHeapCap(nodeOptions: string | undefined): string {
  const current = (nodeOptions ?? '').trim();
  if (/--max[-_]old[-_]space[-_]size\b/.test(current)) return current;
  return `${current} --max-old-space-size=${BUILD_HEAP_MB}`.trim();
}
