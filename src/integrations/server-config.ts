/** SERVER_ROOT is where the site will live on the server (default: the build's final folder); the configs point there. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NOT_FOUND, serverConfigs } from '../lib/headers.ts';

export function writeServerConfigs(dir: string, root = dir): string[] {
  if (!existsSync(path.join(dir, NOT_FOUND))) throw new Error(`the build has no ${NOT_FOUND.slice(1)}`);
  const out = serverConfigs(root);
  for (const [name, text] of Object.entries(out)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return Object.keys(out);
}
