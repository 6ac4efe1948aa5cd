import { boot, demoAccountsText, shutdown } from './bootstrap.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { DataDirLockedError } from './platform/db/lock.ts';

async function main() {
  const started = performance.now();
  const config = loadConfig();
  const deps = await boot(config, { work: true });
  const app = await buildApp(deps);
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await shutdown(deps);
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  const where = config.databaseUrl
    ? 'PostgreSQL server (DATABASE_URL)'
    : `embedded PGlite in ${config.dataDir}`;
  const url = `http://localhost:${config.port}`;
  process.stdout.write(
    `\nHirfa is ready on ${url}  (${Math.round(performance.now() - started)} ms)\n` +
      `  database: ${where}\n  API docs: ${url}/docs\n\n` +
      (config.seedDemo ? `${demoAccountsText()}\n\n` : ''),
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    process.stderr.write(`\nHirfa cannot start: ${err.message}\n\n`);
  } else {
    process.stderr.write(`\nHirfa failed to start: ${(err as Error)?.stack ?? String(err)}\n\n`);
  }
  process.exit(1);
});
