import { DataSource, DataSourceOptions, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { migrations } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for an entity class
export type EntityClass = Function | EntitySchema;

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  /** Read replicas: used only by queries that ask for one (`createQueryRunner('slave')`, the reports). */
  readUrls?: readonly string[];
  /**
   * The entities the connection knows, listed by the composition root from each library's own
   * list. Unset in the Nest apps, where each library's module registers its tables
   * (`TypeOrmModule.forFeature`) and the connection loads them from there.
   */
  entities?: readonly EntityClass[];
}

/**
 * The one place the database connection is described. `synchronize` is off everywhere: the
 * schema changes only through migrations.
 */
export function dataSourceOptions({
  url,
  poolSize = 10,
  readUrls = [],
  entities = [],
}: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    ...(readUrls.length === 0
      ? { url }
      : // The primary by default: only the reports opt in to a replica (and its lag).
        {
          replication: { master: { url }, slaves: readUrls.map((u) => ({ url: u })), defaultMode: 'master' as const },
        }),
    entities: [...entities],
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
