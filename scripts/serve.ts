/** Serves the built site on http://127.0.0.1:4321 (PORT overrides) and says where. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const port = process.env.PORT ?? '4321';
console.log(`\nServing dist/ on http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
const astro = path.resolve('node_modules', 'astro', 'bin', 'astro.mjs');
const child = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', port, '--ignore-lock'], {
  stdio: 'inherit',
  env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
