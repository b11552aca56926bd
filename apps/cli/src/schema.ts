import { AUDIT_ENTITIES } from '@lib/audit';
import { CENTERS_ENTITIES } from '@lib/centers';
import { CLIENTS_ENTITIES } from '@lib/clients';
import { createDataSource, DatabaseSettings } from '@lib/database';
import { DOCUMENTS_ENTITIES } from '@lib/documents';
import { IDENTITY_ENTITIES } from '@lib/identity';
import { MATCH_CALENDAR_ENTITIES } from '@lib/match-calendar';
import { PATHWAY_RECORDS_ENTITIES } from '@lib/pathway-records';
import { PROGRAMS_ENTITIES } from '@lib/programs';
import { REMINDERS_ENTITIES } from '@lib/reminders';
import { DataSource } from 'typeorm';

/**
 * Every table of the product, from each library's own list. The API and the worker need no such
 * list (their modules register their tables); the schema's tools do: migrations, setup, and the
 * direct connections of the tests and benchmarks.
 */
export const PRODUCT_ENTITIES = [
  ...AUDIT_ENTITIES,
  ...CENTERS_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...PROGRAMS_ENTITIES,
  ...CLIENTS_ENTITIES,
  ...PATHWAY_RECORDS_ENTITIES,
  ...MATCH_CALENDAR_ENTITIES,
  ...REMINDERS_ENTITIES,
  ...DOCUMENTS_ENTITIES,
];

/** A connection that knows every table of the product. */
export function productDataSource(settings: Omit<DatabaseSettings, 'entities'>): DataSource {
  return createDataSource({ ...settings, entities: PRODUCT_ENTITIES });
}
