/**
 * The heap cap for Astro builds (scripts/build.ts, and the same for scripts/bench.ts).
 *
 * V8 sizes its heap from the machine's memory and grows it lazily, so a 1,000-story
 * build on a 23 GB machine peaked at about 2.1 GB of RSS (issue 8 asks for ≤ 2 GB).
 * With a 1 GB old space V8 collects garbage sooner: the same build peaked at 1.78 GB. Since the
 * build draws its cards and compiles its stories in worker threads (src/lib/worker-pool.ts, each
 * capped at 256 MB), 1 GB gave a 2,102 MB peak at 1,000 stories; 896 MB gives about 2,030
 * (BENCHMARKS.md has the current figures; the benchmark's builds use this cap too).
 * A NODE_OPTIONS that already sets --max-old-space-size wins (a bigger archive may need more).
 */
export const BUILD_HEAP_MB = 896;

/** NODE_OPTIONS for the build: the given options plus the heap cap, unless they set one already. */
export function withHeapCap(nodeOptions: string | undefined): string {
  const current = (nodeOptions ?? '').trim();
  if (/--max[-_]old[-_]space[-_]size\b/.test(current)) return current;
  return `${current} --max-old-space-size=${BUILD_HEAP_MB}`.trim();
}
