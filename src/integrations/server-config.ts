/**
 * After the build (src/integrations/index.ts), writes the header table (src/lib/headers.ts) as
 * dist/_headers and the nginx and Caddy configs in dist/_server/. The table does not
 * depend on the pages: each page's policy is the <meta> CSP Astro wrote into it.
 *
 * SERVER_ROOT is where the site will live on the server (default: the folder the build
 * ends up in, which scripts/build.ts passes); the nginx and Caddy configs point there.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NOT_FOUND, serverConfigs } from '../lib/headers.ts';

/** Writes a built folder's _headers and server configs into it; returns the files written. */
export function writeServerConfigs(dir: string, root = dir): string[] {
  if (!existsSync(path.join(dir, NOT_FOUND))) throw new Error(`the build has no ${NOT_FOUND.slice(1)}`);
  const out = serverConfigs(root);
  for (const [name, text] of Object.entries(out)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return Object.keys(out);
}
