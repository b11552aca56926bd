import { CaseworkModule } from '@lib/clients';
import { UserDirectoryModule } from '@lib/identity';
import { Environment } from '@lib/kernel';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DOCUMENTS_ENTITIES } from './documents.entities';
import { DocumentsService } from './documents.service';
import { DOCUMENT_STORAGE } from './storage/document-storage';
import { storageFromUrl } from './storage/storage-from-url';

/** The documents and the store their bytes live in (`STORAGE_URL`). */
@Module({
  imports: [TypeOrmModule.forFeature(DOCUMENTS_ENTITIES), CaseworkModule, UserDirectoryModule],
  providers: [
    DocumentsService,
    {
      provide: DOCUMENT_STORAGE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) =>
        storageFromUrl(config.get('STORAGE_URL', { infer: true }), {
          S3_ENDPOINT: config.get('S3_ENDPOINT', { infer: true }),
          S3_REGION: config.get('S3_REGION', { infer: true }),
          S3_ACCESS_KEY_ID: config.get('S3_ACCESS_KEY_ID', { infer: true }),
          S3_SECRET_ACCESS_KEY: config.get('S3_SECRET_ACCESS_KEY', { infer: true }),
          S3_FORCE_PATH_STYLE: config.get('S3_FORCE_PATH_STYLE', { infer: true }),
        }),
    },
  ],
  exports: [DocumentsService, DOCUMENT_STORAGE],
})
export class DocumentsModule {}
