/** astro preview on 127.0.0.1:4321 (PORT overrides), printing one line of ours with its address instead of Astro's banner. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** Runs this script on a port, quietly, once it answers: for the audit and the load test. */
export async function startPreview(port: number): Promise<{ origin: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [import.meta.filename], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  for (const deadline = Date.now() + 30_000; ; ) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with code ${child.exitCode}`);
    try {
      if ((await fetch(origin)).ok) return { origin, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error('astro preview did not start');
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

if (import.meta.main) {
  const port = process.env.PORT ?? '4321';
  const astro = path.resolve('node_modules', 'astro', 'bin', 'astro.mjs');
  const child = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', port, '--ignore-lock'], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
  });
  // Astro's banner lines are dropped; any other line (a port that was taken, an error) is passed on.
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const text = line.replace(/\x1b\[[0-9;]*m/g, '').trim();
    const local = /^┃?\s*Local\s+(https?:\/\/\S+)/.exec(text);
    if (local) console.log(`\nServing dist/ on ${local[1]}  (Ctrl+C to stop)`);
    else if (!(text === '' || /^astro\s+v\S+\s+ready in\b/.test(text) || /^┃?\s*Network\b/.test(text))) console.log(line);
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
