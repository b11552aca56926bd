import { AuditEntry } from '@lib/audit';
import { MatchSeasonEntity } from '@lib/calendar';
import { Center } from '@lib/centers';
import {
  Client,
  ClientNote,
  ClientReferral,
  ClientTask,
  ClinicalExperienceEntity,
  CredentialRecordEntity,
  DeliveredService,
  ExamRecordEntity,
  MatchApplicationEntity,
} from '@lib/clients';
import { OneTimeToken, RefreshToken, User } from '@lib/identity';
import { PartnerProgram } from '@lib/programs';
import {
  NotificationEntity,
  ReminderDeliveryEntity,
  ReminderScheduleEntity,
  ReminderSweepEntity,
} from '@lib/reminders';
import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { migrations } from './migrations';

/** Every entity of every library. One list, read by the app and by the TypeORM CLI. */
export const entities = [
  Center,
  User,
  RefreshToken,
  OneTimeToken,
  AuditEntry,
  PartnerProgram,
  Client,
  ClientNote,
  DeliveredService,
  ClientTask,
  ClientReferral,
  ExamRecordEntity,
  CredentialRecordEntity,
  ClinicalExperienceEntity,
  MatchApplicationEntity,
  MatchSeasonEntity,
  ReminderScheduleEntity,
  ReminderDeliveryEntity,
  NotificationEntity,
  ReminderSweepEntity,
];

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  /** Read replicas: used only by queries that ask for one (`createQueryRunner('slave')`, the reports). */
  readUrls?: readonly string[];
}

/**
 * The one place the database connection is described. `synchronize` is off everywhere: the
 * schema changes only through migrations.
 */
export function dataSourceOptions({ url, poolSize = 10, readUrls = [] }: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    ...(readUrls.length === 0
      ? { url }
      : // The primary by default: only the reports opt in to a replica (and its lag).
        {
          replication: { master: { url }, slaves: readUrls.map((u) => ({ url: u })), defaultMode: 'master' as const },
        }),
    entities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    extra: { max: poolSize, application_name: 'img-pathways' },
  };
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
