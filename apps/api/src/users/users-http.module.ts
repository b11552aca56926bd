import { Module } from '@nestjs/common';
import { AuthHttpModule } from '../auth/auth-http.module';
import { PreferencesController } from './preferences.controller';
import { UsersController } from './users.controller';

@Module({ imports: [AuthHttpModule], controllers: [UsersController, PreferencesController] })
export class UsersHttpModule {}
