import { Module } from '@nestjs/common';
import { AuthHttpModule } from '../auth/auth-http.module';
import { AuditController } from '../audit/audit.controller';
import { UsersController } from './users.controller';

@Module({ imports: [AuthHttpModule], controllers: [UsersController, AuditController] })
export class UsersHttpModule {}
