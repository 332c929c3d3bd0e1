/**
 * A pool of worker threads that draw the OG images (src/lib/og-worker.ts runs
 * renderOgImage in each), one per core by default: satori and resvg are
 * CPU-bound, and the build's own thread has pages to render meanwhile.
 *
 * Workers start when the first image is asked for and hold the process open
 * only while they have work: an idle pool never keeps a finished build from
 * exiting. Images come back in the order asked of each worker; a worker that
 * fails rejects its tasks and is replaced.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OgInput } from './og-cache.ts';

export interface OgPool {
  render(input: OgInput): Promise<Uint8Array>;
  /** Stops the workers (pending images are rejected). */
  close(): Promise<void>;
  readonly size: number;
  /** Milliseconds the workers spent drawing, summed (each image's own time, not its wait in the queue). */
  readonly drawMs: number;
}

interface Task {
  id: number;
  input: OgInput;
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

/** The worker's file: read from the project (the build runs from its root), as the fonts are. */
export const OG_WORKER_FILE = path.resolve('src/lib/og-worker.ts');

export function ogPoolSize(env: Record<string, string | undefined> = process.env): number {
  const asked = Number(env.OG_WORKERS);
  return Number.isInteger(asked) && asked > 0 ? asked : os.availableParallelism();
}

export function createOgPool(size = ogPoolSize(), file = OG_WORKER_FILE): OgPool {
  const slots: { worker: Worker; busy: Map<number, Task> }[] = [];
  const queue: Task[] = [];
  let next = 0;
  let drawMs = 0;

  const start = () => {
    const worker = new Worker(file);
    const slot = { worker, busy: new Map<number, Task>() };
    worker.unref();
    worker.on('message', ({ id, png, error, ms }: { id: number; png?: Uint8Array; error?: string; ms?: number }) => {
      drawMs += ms ?? 0;
      const task = slot.busy.get(id);
      slot.busy.delete(id);
      if (!slot.busy.size) worker.unref();
      if (task) (error !== undefined ? task.reject(new Error(error)) : task.resolve(png!));
      pump();
    });
    worker.on('error', (error: Error) => {
      for (const t of slot.busy.values()) t.reject(error);
      slots.splice(slots.indexOf(slot), 1);
      pump();
    });
    slots.push(slot);
    return slot;
  };

  const pump = () => {
    while (queue.length) {
      // Two tasks a worker at most: one drawing, one waiting, so no worker idles between messages.
      let slot = slots.find((s) => s.busy.size === 0) ?? (slots.length < size ? start() : slots.find((s) => s.busy.size < 2));
      if (!slot) return;
      const task = queue.shift()!;
      slot.busy.set(task.id, task);
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, input: task.input });
      slot = undefined;
    }
  };

  return {
    size,
    get drawMs() {
      return drawMs;
    },
    render: (input) =>
      new Promise((resolve, reject) => {
        queue.push({ id: next++, input, resolve, reject });
        pump();
      }),
    close: async () => {
      for (const t of queue.splice(0)) t.reject(new Error('OG image pool closed'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
