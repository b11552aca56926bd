import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Role } from '@lib/identity';
import { addDays, civilDateOf } from '@lib/pathway';
import { QueueName, redisOptionsFromUrl } from '@lib/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { createCenter, createClient, createUser } from './identities';

export const remindersQueue = (app: NestFastifyApplication | INestApplicationContext): Queue =>
  app.get<Queue>(getQueueToken(QueueName.Reminders));

/** The civil date `days` from today in a time zone. */
export const daysFromToday = (days: number, timeZone: string) => addDays(civilDateOf(new Date(), timeZone), days);

/**
 * A time zone where it is now early afternoon, so that a reminder due "now" goes now: nothing is
 * sent between 21:00 and 08:00 local (the civil-hour rule), and tests run at any hour of the day.
 * `Etc/GMT-N` is UTC+N (the IANA names invert the sign).
 */
export function daytimeZone(): string {
  const offset = ((14 - new Date().getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? 'Etc/UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** Another `Etc/` zone three hours away from one `daytimeZone()` gave, and by how many hours 09:00 there comes later. */
export function zoneThreeHoursAway(zone: string): { zone: string; laterByHours: number } {
  const utcOffset = zone === 'Etc/UTC' ? 0 : -Number(zone.slice('Etc/GMT'.length));
  const laterByHours = utcOffset - 3 >= -12 ? 3 : -3;
  const target = utcOffset - laterByHours;
  return { zone: target === 0 ? 'Etc/UTC' : `Etc/GMT${target > 0 ? '-' : '+'}${Math.abs(target)}`, laterByHours };
}

/** A center (a fixture) in `daytimeZone()`. */
async function daytimeCenter(data: DataSource) {
  const center = await createCenter(data);
  center.timeZone = daytimeZone();
  await data.query('UPDATE centers SET time_zone = $2 WHERE id = $1', [center.id, center.timeZone]);
  return center;
}

export interface ReminderWorld {
  centerId: string;
  timeZone: string;
  caseManager: { id: string; email: string };
  clientId: string;
  account: { id: string; email: string };
}

/**
 * A center (in `daytimeZone()`), its case manager and a client with an account of their own;
 * contact recorded today (no "no contact" reminder due).
 */
export async function reminderWorld(
  data: DataSource,
  options: { clientLanguage?: string } = {},
): Promise<ReminderWorld> {
  const center = await daytimeCenter(data);
  const caseManager = await createUser(data, { role: Role.CaseManager, centerId: center.id });
  const client = await createClient(data, { centerId: center.id, caseManagerId: caseManager.id });
  if (options.clientLanguage) {
    await data.query('UPDATE clients SET preferred_language = $2 WHERE id = $1', [client.id, options.clientLanguage]);
  }
  const account = await createUser(data, { role: Role.Client, centerId: center.id, clientId: client.id });
  await data.query(
    `INSERT INTO client_notes (id, client_id, author_id, contact_type, contact_date, body) VALUES ($1, $2, $3, 'phone', $4, 'Called')`,
    [randomUUID(), client.id, caseManager.id, civilDateOf(new Date(), center.timeZone)],
  );
  return {
    centerId: center.id,
    timeZone: center.timeZone,
    caseManager: { id: caseManager.id, email: caseManager.email },
    clientId: client.id,
    account: { id: account.id, email: account.email },
  };
}

/** A worker in a child process (to run two side by side, or to kill one): resolves once it consumes. */
export async function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'worker-process.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker process not ready within 30 s')), 30_000);
    child.once('message', () => (clearTimeout(timer), resolve()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`worker process exited with ${code}`))));
  });
  return child;
}

/** Stops a worker process: SIGTERM for a clean stop, SIGKILL for a crash. Resolves when it is gone. */
export async function stopWorkerProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await gone;
}

/**
 * `count` active clients of a new center (in `daytimeZone()`), each with an account of their own and USMLE
 * Step 1 booked `examInDays` ahead; no case manager, so each has exactly the IMG's reminders.
 * Plain SQL: set-up of hundreds of rows, not product writes.
 */
export async function clientsWithExams(
  data: DataSource,
  count: number,
  examInDays: number,
): Promise<Array<{ clientId: string; email: string }>> {
  const center = await daytimeCenter(data);
  const examOn = daysFromToday(examInDays, center.timeZone);
  const tag = randomUUID().slice(0, 8);
  const rows = await data.query(
    `WITH c AS (
       INSERT INTO clients (center_id, first_name, last_name, intake_date, status)
       SELECT $1, 'Load', 'Client ' || $2 || '-' || i, current_date, 'active' FROM generate_series(1, $3) AS i
       RETURNING id, last_name),
     u AS (
       INSERT INTO users (email, display_name, role, center_id, client_id, password_hash)
       SELECT lower(replace(c.last_name, ' ', '-')) || '@load.example.org', c.last_name, 'client', $1, c.id, NULL FROM c
       RETURNING client_id, email),
     e AS (
       INSERT INTO exam_records (client_id, exam, status, scheduled_date)
       SELECT c.id, 'USMLE_STEP1', 'scheduled', $4::date FROM c)
     SELECT client_id AS "clientId", email FROM u`,
    [center.id, tag, count, examOn],
  );
  return rows;
}

/**
 * A Redis database of a suite's own (its queue jobs must reach its own workers only): the test
 * Redis database number plus `offset`, so that two checkouts with different TEST_REDIS_URLs never
 * share one.
 */
export function suiteRedisUrl(offset: number): string {
  const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1');
  url.pathname = `/${Number(url.pathname.slice(1) || 0) + offset}`;
  return url.toString();
}

/** Empties one Redis database (a suite's own), so no job of an earlier run is left in it. */
export async function flushRedis(url: string): Promise<void> {
  const redis = new Redis(redisOptionsFromUrl(url));
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

/** A Step 1 booked two days ahead, in an open window: its reminders are due at once. */
export const step1InTwoDays = (timeZone: string) => ({
  exam: 'USMLE_STEP1',
  status: 'scheduled',
  eligibilityStart: daysFromToday(-30, timeZone),
  eligibilityEnd: daysFromToday(60, timeZone),
  scheduledDate: daysFromToday(2, timeZone),
});

/**
 * Resolves once the queue has nothing waiting, running or due (delayed jobs whose time has come
 * count as due): the moment to count what was sent, with no blind sleep.
 */
export async function settled(queue: Queue, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
    const [next] = await queue.getDelayed(0, 0);
    const dueSoon = next !== undefined && next.timestamp + (next.opts.delay ?? 0) <= Date.now() + 500;
    if (counts.waiting + counts.active + counts.prioritized === 0 && !dueSoon) return;
    if (Date.now() > deadline) throw new Error(`queue not settled within ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
