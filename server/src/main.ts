import { buildApp } from './app.ts';
import { allModules } from './modules/index.ts';
import { clockStartingAt, systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/database.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './platform/demo.ts';
import { startJobRunner } from './platform/jobs/runner.ts';
import { loadDemoIfEmpty, migrate } from './platform/setup.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const clock = config.clockStart ? clockStartingAt(config.clockStart) : systemClock;
  const database = openDatabase(config.databaseUrl);
  const modules = allModules.filter((m) => config.modules.includes(m.name));
  const { app, platform, jobs } = await buildApp({ config, database, clock, modules });

  const applied = await migrate(platform, modules);
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
  if (await loadDemoIfEmpty(platform, modules)) {
    const users = DEMO_USERS.map((u) => `${u.username} (${u.roles.join(', ')})`).join(', ');
    app.log.info(`Datos de demostración cargados. Usuarios: ${users}. Contraseña: ${DEMO_PASSWORD}`);
  }

  const stopJobs = startJobRunner(platform, jobs, {
    instanceId: platform.bus.instanceId,
    pollMs: 15_000,
    log: app.log,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  app.log.info(
    `Matriz lista en http://${shown === '127.0.0.1' ? 'localhost' : shown}:${config.port} (${database.engine}${config.webDir ? '' : ', sin web: ejecute npm run build'})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuración inválida: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
