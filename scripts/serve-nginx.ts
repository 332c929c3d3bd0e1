/** Serves the build with nginx and the config the build wrote, the way production does, on 127.0.0.1:8080 (PORT overrides). */
import { startNginx } from './nginx.ts';

const port = Number(process.env.PORT ?? 8080);
try {
  const nginx = await startNginx({ port, stdio: 'inherit' });
  console.log(`\nServing ${nginx.root}/ with nginx on http://127.0.0.1:${port}/  (Ctrl+C to stop; logs in ${nginx.prefix}/)\n`);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void nginx.stop().then(() => process.exit(0)));
  const code = await nginx.exited;
  process.exit(code ?? 1);
} catch (e) {
  console.error(`\n${(e as Error).message}\n`);
  process.exit(1);
}
