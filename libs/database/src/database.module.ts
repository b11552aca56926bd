import { Environment } from '@lib/kernel';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source';

/**
 * Opens the application's connection pools from `DATABASE_URL` (and `DATABASE_READ_URLS`). Import
 * once, in an app's root module. It lists no entity: each library's module registers its own
 * tables (`TypeOrmModule.forFeature`), and the connection loads those of the modules the app imports.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        ...dataSourceOptions({
          url: config.get('DATABASE_URL', { infer: true }),
          poolSize: config.get('DATABASE_POOL_SIZE', { infer: true }),
          readUrls: config.get('DATABASE_READ_URLS', { infer: true }),
        }),
        autoLoadEntities: true,
        // Fail start-up quickly with the driver's message instead of retrying for minutes.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
