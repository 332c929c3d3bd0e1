/**
 * Serves the built site (astro preview) on http://127.0.0.1:4321 (PORT chooses another) and
 * prints its address once, when it answers: one line of ours instead of Astro's banner. When the
 * port is taken, Astro moves to the next free one and says so, and the line gives that address.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const port = process.env.PORT ?? '4321';
const astro = path.resolve('node_modules', 'astro', 'bin', 'astro.mjs');
const child = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', port, '--ignore-lock'], {
  stdio: ['inherit', 'pipe', 'inherit'],
  env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
});
// Astro's banner: " astro  v7.3.5 ready in 50 ms", "┃ Local    http://…", "┃ Network  …", blank lines.
// Any other line (a port that was taken, an error) is passed on as it is.
createInterface({ input: child.stdout! }).on('line', (line) => {
  const text = line.replace(/\x1b\[[0-9;]*m/g, '').trim();
  const local = /^┃?\s*Local\s+(https?:\/\/\S+)/.exec(text);
  if (local) console.log(`\nServing dist/ on ${local[1]}  (Ctrl+C to stop)`);
  else if (!(text === '' || /^astro\s+v\S+\s+ready in\b/.test(text) || /^┃?\s*Network\b/.test(text))) console.log(line);
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
