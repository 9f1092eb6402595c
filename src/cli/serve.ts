// `apparatus serve`: migrate, optionally load demo content, listen, print where.
import { loadConfig } from '../platform/config.ts';
import { openAndMigrate } from '../platform/runtime.ts';
import { buildServer } from '../platform/http/server.ts';
import { DEMO_USERS, loadFullDemo, VN_DATA_DIR } from './demo.ts';
import { ensureReferenceData } from '../units/import/import.service.ts';

export async function serve(options: { demo: boolean; port?: number }) {
  const config = loadConfig({
    ...(options.port ? { port: options.port } : {}),
    ...(options.demo ? { demo: true } : {}),
  });
  const handle = await openAndMigrate(config);
  console.log(
    `Cơ sở dữ liệu / database: ${handle.engine} (${handle.location}), ${handle.migrationsApplied} migration(s) applied now`,
  );
  if (handle.auditNote) console.warn(handle.auditNote);
  const outcome = await ensureReferenceData(handle.db, VN_DATA_DIR);
  if (outcome)
    console.log(
      `Đã nạp dữ liệu hành chính Việt Nam / imported Vietnam reference data: ${outcome.units} units, ${outcome.links} lineage links in ${outcome.ms} ms`,
    );
  if (config.demo) await loadFullDemo(handle.db);
  const app = await buildServer(handle, config);
  // Background jobs (the annual report, the daily warning run on its schedule): this process works the queue too.
  await app.jobs.start({ work: true });
  const close = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  console.log(`\nApparatus đang chạy tại / is running at ${url}`);
  console.log(`  Tra cứu công khai / public lookup: ${url}/lookup`);
  console.log(`  Tài liệu API / API docs:           ${url}/api/docs`);
  if (config.demo) {
    console.log('\nTài khoản demo / demo logins (chỉ dùng thử / demo only):');
    for (const u of DEMO_USERS)
      console.log(`  ${u.username.padEnd(14)} ${u.password.padEnd(20)} ${u.role} — ${u.scope}`);
  }
}
