import { ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createWorkerContext } from '@app/worker';
import { Role } from '@lib/identity';
import { addDays, civilDateOf } from '@lib/pathway';
import { QueueName } from '@lib/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createCenter, createClient, createUser } from './identities';
import { overrideEnv } from './test-app';

/** A worker in this process, built with `env` (the suite's Redis database, its SMTP sink). */
export async function startWorker(env: Record<string, string>): Promise<INestApplicationContext> {
  const restore = overrideEnv(env);
  try {
    return await createWorkerContext();
  } finally {
    restore();
  }
}

export const remindersQueue = (app: NestFastifyApplication | INestApplicationContext): Queue =>
  app.get<Queue>(getQueueToken(QueueName.Reminders));

/** The civil date `days` from today in a time zone. */
export const daysFromToday = (days: number, timeZone: string) => addDays(civilDateOf(new Date(), timeZone), days);

export interface ReminderWorld {
  centerId: string;
  timeZone: string;
  caseManager: { id: string; email: string };
  clientId: string;
  account: { id: string; email: string };
}

/** A center, its case manager and a client with an account of their own; contact recorded today (no "no contact" reminder). */
export async function reminderWorld(
  data: DataSource,
  options: { clientLanguage?: string } = {},
): Promise<ReminderWorld> {
  const center = await createCenter(data);
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
 * `count` active clients of a new center (Denver), each with an account of their own and USMLE
 * Step 1 booked `examInDays` ahead; no case manager, so each has exactly the IMG's reminders.
 * Plain SQL: set-up of hundreds of rows, not product writes.
 */
export async function clientsWithExams(
  data: DataSource,
  count: number,
  examInDays: number,
): Promise<Array<{ clientId: string; email: string }>> {
  const center = await createCenter(data);
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
