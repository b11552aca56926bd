import { randomUUID } from 'node:crypto';
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
