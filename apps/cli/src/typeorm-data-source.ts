import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@lib/kernel';
import { productDataSource } from './schema';

/** Entry for the TypeORM CLI (`npm run migration:*`), which wants a module exporting a DataSource. */
// Reads .env like the app does, so migrations run against the same database the app uses.
const env = loadEnvironmentOrExit();
export default productDataSource({ url: env.DATABASE_URL, poolSize: 2 });
