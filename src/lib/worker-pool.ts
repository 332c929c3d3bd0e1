/**
 * A pool of worker threads, one per core by default, for the build's CPU-bound work that
 * can run beside the main thread: drawing the link-preview cards (og-worker.ts), checking
 * the stories (src/checks/check-worker.ts) and compiling their MDX
 * (src/integrations/mdx-worker.ts).
 *
 * Workers start when the first task is asked for and hold the process open only while they
 * have work: an idle pool never keeps a finished build from exiting. Results come back in
 * the order asked of each worker; a worker that fails rejects its tasks and is replaced.
 *
 * A worker file calls `serveTasks(fn)`; its tasks and results must be structured-cloneable.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parentPort, Worker } from 'node:worker_threads';

export interface WorkerPool<I, O> {
  run(input: I): Promise<O>;
  /** Stops the workers (pending tasks are rejected). */
  close(): Promise<void>;
  readonly size: number;
  /** Milliseconds the workers spent on tasks, summed (each task's own time, not its wait in the queue). */
  readonly busyMs: number;
}

interface Task<I, O> {
  id: number;
  input: I;
  resolve: (output: O) => void;
  reject: (error: Error) => void;
}

/** Each worker's old-space cap, in MB: a story's compile or a card needs a few tens. */
export const WORKER_HEAP_MB = 256;

/** The most workers a pool starts unless WORKERS asks for more. */
export const MAX_WORKERS = 4;

/** How many workers: WORKERS (a positive integer) if set, else one per core, at most MAX_WORKERS. */
export function poolSize(env: Record<string, string | undefined> = process.env): number {
  const asked = Number(env.WORKERS);
  // At most MAX_WORKERS by default: each worker adds its own heap and libraries to the build's peak memory.
  return Number.isInteger(asked) && asked > 0 ? asked : Math.min(os.availableParallelism(), MAX_WORKERS);
}

export function createWorkerPool<I, O>(file: string, size = poolSize()): WorkerPool<I, O> {
  const slots: { worker: Worker; busy: Map<number, Task<I, O>> }[] = [];
  const queue: Task<I, O>[] = [];
  let next = 0;
  let busyMs = 0;

  const start = () => {
    // A worker's heap is capped as the build's main thread is (scripts/node-options.ts): V8 sizes an
    // uncapped heap from the machine's memory and collects late, and the build's peak is the sum.
    const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    const slot = { worker, busy: new Map<number, Task<I, O>>() };
    worker.unref();
    worker.on('message', ({ id, output, error, ms }: { id: number; output?: O; error?: string; ms?: number }) => {
      busyMs += ms ?? 0;
      const task = slot.busy.get(id);
      slot.busy.delete(id);
      if (!slot.busy.size) worker.unref();
      if (task) (error !== undefined ? task.reject(new Error(error)) : task.resolve(output as O));
      pump();
    });
    // A worker that fails, or stops without failing, rejects what it held: no task is left waiting.
    const lost = (error: Error) => {
      for (const t of slot.busy.values()) t.reject(error);
      slot.busy.clear();
      if (slots.includes(slot)) slots.splice(slots.indexOf(slot), 1);
      pump();
    };
    worker.on('error', lost);
    worker.on('messageerror', lost);
    worker.on('exit', (code) => lost(new Error(`worker ${file} stopped (exit code ${code})`)));
    slots.push(slot);
    return slot;
  };

  const pump = () => {
    while (queue.length) {
      // Two tasks a worker at most: one running, one waiting, so no worker idles between messages.
      const slot = slots.find((s) => s.busy.size === 0) ?? (slots.length < size ? start() : slots.find((s) => s.busy.size < 2));
      if (!slot) return;
      const task = queue.shift()!;
      slot.busy.set(task.id, task);
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, input: task.input });
    }
  };

  return {
    size,
    get busyMs() {
      return busyMs;
    },
    run: (input) =>
      new Promise((resolve, reject) => {
        queue.push({ id: next++, input, resolve, reject });
        pump();
      }),
    close: async () => {
      const closed = new Error('worker pool closed');
      for (const t of queue.splice(0)) t.reject(closed);
      for (const s of slots) for (const t of s.busy.values()) t.reject(closed);
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}

/** In a worker file: answer each task with fn's result (or its error). The pool sends a worker two at most. */
export function serveTasks<I, O>(fn: (input: I) => Promise<O> | O): void {
  parentPort!.on('message', async ({ id, input }: { id: number; input: I }) => {
    try {
      const started = performance.now();
      const output = await fn(input);
      parentPort!.postMessage({ id, output, ms: performance.now() - started });
    } catch (error) {
      parentPort!.postMessage({ id, error: (error as Error).stack ?? String(error) });
    }
  });
}
