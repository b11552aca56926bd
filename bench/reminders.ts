/**
 * `npm run bench:reminders [-- --clients 100000 --deliveries 5000]`: plans, reconciles and delivers reminders for a
 * generated population in a throwaway database, and prints clients planned per second, jobs
 * scheduled per second and deliveries per second. A benchmark, not a test: it never fails on speed.
 *
 * Uses the database `img_pathways_bench_test` (dropped and recreated), Redis database 4 (flushed),
 * and a real SMTP server in this process as the sink.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createWorkerContext, RemindersProcessor } from '@app/worker';
import { recreateDatabase } from '@lib/database';
import { productDataSource } from '@app/cli';
import { QueueName, redisOptionsFromUrl } from '@lib/queue';
import { deliveryJobOptions, ReminderPlanner, ReminderReconciler } from '@lib/reminders';
import { Client } from '@lib/clients';
import { seedCenters } from '@lib/seed';
import { ConfigService } from '@nestjs/config';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource, In } from 'typeorm';
import { startWorkerProcess, stopWorkerProcess } from '../test/support/reminders';
import { SMTPServer } from 'smtp-server';
import { AddressInfo } from 'node:net';

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/img_pathways_bench_test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/4';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '10000' },
      deliveries: { type: 'string', default: '5000' },
      workers: { type: 'string', default: '1' },
    },
  });
  const clients = Number(values.clients);
  if (!Number.isInteger(clients) || clients < 1) throw new Error('--clients must be a whole number');
  // Delivery is timed over the first N due reminders (all of a large population would take long).
  const deliveryCap = Number(values.deliveries);
  if (!Number.isInteger(deliveryCap) || deliveryCap < 1) throw new Error('--deliveries must be a whole number');
  // Delivery by this process's worker plus `--workers - 1` worker processes beside it.
  const workerCount = Number(values.workers);
  if (!Number.isInteger(workerCount) || workerCount < 1) throw new Error('--workers must be a whole number');

  say(`Preparing ${clients} clients in ${DATABASE_URL} ...`);
  await recreateDatabase(DATABASE_URL);
  const setup = await productDataSource({ url: DATABASE_URL, poolSize: 2 }).initialize();
  await setup.runMigrations({ transaction: 'each' });
  await seedCenters(setup);
  const generated = Date.now();
  await generatePopulation(setup, clients);
  // As autovacuum would after a load: without statistics the planner picks poor plans for the sweep.
  await setup.query('ANALYZE');
  say(`Generated in ${seconds(Date.now() - generated)} s`);
  await setup.destroy();
  const redis = new Redis(redisOptionsFromUrl(REDIS_URL));
  await redis.flushdb();
  redis.disconnect();

  // The sink accepts and counts; parsing each message is the receiving server's work, not ours.
  let received = 0;
  const sink = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData: (stream, _session, callback) => {
      stream.resume();
      stream.on('end', () => ((received += 1), callback()));
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    DATABASE_URL,
    REDIS_URL,
    SMTP_URL: `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '20',
  });
  const worker = await createWorkerContext();
  const processor = worker.get(RemindersProcessor);
  await processor.worker.pause(true);
  const queue = worker.get<Queue>(getQueueToken(QueueName.Reminders));
  const dataSource = worker.get(DataSource);

  // 1. Planning alone: load and plan in batches of 500, nothing written.
  const planner = worker.get(ReminderPlanner);
  const ids = (await dataSource.query(`SELECT id FROM clients ORDER BY id`)) as Array<{ id: string }>;
  let planned = 0;
  const planStart = Date.now();
  for (let i = 0; i < ids.length; i += 500) {
    const batch = await dataSource.manager.findBy(Client, { id: In(ids.slice(i, i + 500).map((r) => r.id)) });
    for (const plan of (await planner.plan(dataSource.manager, batch)).values()) planned += plan.length;
  }
  const planMs = Date.now() - planStart;

  // 2. The sweep: plan, write the schedule and add the delayed jobs.
  const reconciler = worker.get(ReminderReconciler);
  const sweepStart = Date.now();
  const sweep = await reconciler.sweep('bench', deliveryJobOptions(worker.get(ConfigService)));
  const sweepMs = Date.now() - sweepStart;
  const due = await queue.getWaitingCount();

  // 2b. The daily sweep in steady state: everything already scheduled, each job checked, none added.
  const againStart = Date.now();
  const again = await reconciler.sweep('bench', deliveryJobOptions(worker.get(ConfigService)));
  const againMs = Date.now() - againStart;

  // 3. Delivery of everything due now, by the worker processes (the queue paused while they start).
  await queue.pause();
  const extra = await Promise.all(
    Array.from({ length: workerCount - 1 }, () => startWorkerProcess(process.env as Record<string, string>)),
  );
  const deliverStart = Date.now();
  await queue.resume();
  processor.worker.resume();
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM reminder_deliveries WHERE status = 'sent'`);
    if (n >= Math.min(due, deliveryCap) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const deliverMs = Date.now() - deliverStart;
  // Let the deliveries in flight finish, then count: every SMTP message must have its one row.
  await processor.worker.pause();
  await Promise.all(extra.map((child) => stopWorkerProcess(child)));
  const [{ sent }] = await dataSource.query(
    `SELECT count(*)::int AS sent FROM reminder_deliveries WHERE status = 'sent'`,
  );

  const result = {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      beside: 'PostgreSQL, Redis and the SMTP sink on the same machine',
    },
    clients,
    planning: { reminders: planned, ms: planMs, clientsPerSecond: rate(clients, planMs) },
    reconcile: {
      clients: sweep.clients,
      jobsScheduled: sweep.scheduled,
      ms: sweepMs,
      clientsPerSecond: rate(sweep.clients, sweepMs),
      jobsPerSecond: rate(sweep.scheduled, sweepMs),
    },
    dailySweep: { clients: again.clients, ms: againMs, clientsPerSecond: rate(again.clients, againMs) },
    delivery: {
      due,
      sent,
      smtpMessages: received,
      ms: deliverMs,
      perSecond: rate(sent, deliverMs),
      concurrency: processor.worker.concurrency,
    },
  };
  say(
    [
      `Reminder benchmark, ${clients} clients, ${result.machine.cores} cores (PostgreSQL, Redis and the SMTP sink on the same machine)`,
      `  planning   ${pad(planned)} reminders for ${clients} clients in ${seconds(planMs)} s: ${result.planning.clientsPerSecond} clients/s`,
      `  reconcile  ${pad(sweep.scheduled)} jobs for ${sweep.clients} clients in ${seconds(sweepMs)} s: ${result.reconcile.clientsPerSecond} clients/s, ${result.reconcile.jobsPerSecond} jobs/s`,
      `  re-sweep   nothing new for ${again.clients} clients in ${seconds(againMs)} s: ${result.dailySweep.clientsPerSecond} clients/s (the daily heal in steady state)`,
      `  delivery   ${pad(sent)} of ${due} due now in ${seconds(deliverMs)} s: ${result.delivery.perSecond} deliveries/s by ${workerCount} worker process(es) (${received} SMTP messages)`,
    ].join('\n'),
  );
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  const file = join(__dirname, 'results', `reminders-${result.date.slice(0, 10)}-${clients}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  say(`Written to ${file}`);
  await worker.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
}

/**
 * A population with reminders of every kind: a third with USMLE Step 1 booked 1 to 60 days ahead
 * (those within a week are due now, by catch-up), a third with an eligibility window closing and
 * nothing booked, open tasks due soon; every client with an account and a case manager.
 */
async function generatePopulation(data: DataSource, count: number): Promise<void> {
  await data.query(`
    INSERT INTO users (email, display_name, role, center_id, password_hash)
    SELECT 'cm-' || c.slug || '@bench.example.org', 'Case manager ' || c.name, 'case_manager', c.id, NULL FROM centers c`);
  await data.query(
    `
    WITH centers_numbered AS (SELECT c.id, u.id AS cm, row_number() OVER (ORDER BY c.slug) - 1 AS n, count(*) OVER () AS total
                                FROM centers c JOIN users u ON u.center_id = c.id AND u.role = 'case_manager'),
    c AS (
      INSERT INTO clients (center_id, case_manager_id, first_name, last_name, intake_date, status)
      SELECT cn.id, cn.cm, 'Bench', 'Client ' || i, current_date - (i % 400), 'active'
        FROM generate_series(1, $1) AS i JOIN centers_numbered cn ON cn.n = i % cn.total
      RETURNING id, last_name, intake_date),
    u AS (
      INSERT INTO users (email, display_name, role, client_id, password_hash)
      SELECT 'client-' || replace(lower(c.last_name), ' ', '-') || '@bench.example.org', c.last_name, 'client', c.id, NULL FROM c
      RETURNING client_id)
    SELECT count(*) FROM u`,
    [count],
  );
  await data.query(`
    INSERT INTO exam_records (client_id, exam, status, eligibility_start, eligibility_end, scheduled_date)
    SELECT id, 'USMLE_STEP1', 'scheduled', current_date - 30, current_date + 90, current_date + 1 + (abs(hashtext(id::text)) % 60)
      FROM clients WHERE abs(hashtext(id::text)) % 3 = 0`);
  await data.query(`
    INSERT INTO exam_records (client_id, exam, status, eligibility_start, eligibility_end)
    SELECT id, 'USMLE_STEP2_CK', 'planned', current_date - 30, current_date + 10 + (abs(hashtext(id::text)) % 80)
      FROM clients WHERE abs(hashtext(id::text)) % 3 = 1`);
  await data.query(`
    INSERT INTO client_tasks (client_id, title, due_date, assigned_to_client, status)
    SELECT id, 'Send the documents', current_date + (abs(hashtext(id::text)) % 20), true, 'open'
      FROM clients WHERE abs(hashtext(id::text)) % 2 = 0`);
  await data.query(`
    INSERT INTO client_notes (client_id, contact_type, contact_date, body)
    SELECT id, 'phone', current_date - (abs(hashtext(id::text)) % 90), 'Called' FROM clients`);
}

const rate = (n: number, ms: number) => Math.round((n / Math.max(ms, 1)) * 1000);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const pad = (n: number) => String(n).padStart(7);
function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
