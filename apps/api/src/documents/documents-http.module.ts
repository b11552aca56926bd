import { DocumentsModule } from '@lib/documents';
import { Module } from '@nestjs/common';
import { DocumentsController } from './documents.controller';
import { MyDocumentsController } from './my-documents.controller';

@Module({
  imports: [DocumentsModule],
  controllers: [DocumentsController, MyDocumentsController],
})
export class DocumentsHttpModule {}
