import { Module } from '@nestjs/common';
import { AuthHttpModule } from '../auth/auth-http.module';
import { UsersController } from './users.controller';

@Module({ imports: [AuthHttpModule], controllers: [UsersController] })
export class UsersHttpModule {}
