import { validateEnvironment } from '@lib/kernel';
import { createDataSource } from './data-source';

/** Entry for the TypeORM CLI (`npm run migration:*`), which wants a module exporting a DataSource. */
const env = validateEnvironment(process.env);
export default createDataSource({ url: env.DATABASE_URL, poolSize: 2 });
