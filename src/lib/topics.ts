/** Topics: the controlled list in content/topics/<id>.yaml (TOPICS_DIR overrides), and the related explainers they give a story. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const topicsDir = () => path.resolve(process.env.TOPICS_DIR ?? 'content/topics');

/** The topic ids, read at each call, so the dev server sees a topic added while it runs. */
export const knownTopics = (dir = topicsDir()) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort() : []);

/** Up to `max` other stories sharing a topic with `story`, in the order given (newest first). */
export function relatedStories<T extends { id: string; topics: readonly string[] }>(story: Pick<T, 'id' | 'topics'>, all: readonly T[], max = 3): T[] {
  return all.filter((s) => s.id !== story.id && s.topics.some((t) => story.topics.includes(t))).slice(0, max);
}
