import { createSecretKey, KeyObject } from 'node:crypto';
import { Environment } from '@lib/kernel';
import { CentersModule } from '@lib/centers';
import { MailModule } from '@lib/mail';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ACCESS_TOKEN_SECONDS, AuthService } from './auth.service';
import { IDENTITY_ENTITIES, UserDirectoryModule } from './user-directory';
import { PreferencesService } from './preferences.service';
import { jwtSecretOf } from './secrets';
import { UsersService } from './users.service';

export const JWT_ISSUER = 'img-pathways';
export const JWT_AUDIENCE = 'img-pathways-api';

/**
 * The secret as a key object, made once. Given a string, jsonwebtoken first tries to parse it as
 * a PEM public key on every verification and falls back after the exception: that alone was a
 * seventh of the API's CPU time per request in the benchmark (`npm run bench`).
 */
export function jwtVerificationKey(config: ConfigService<Environment, true>): KeyObject {
  return createSecretKey(Buffer.from(jwtSecretOf(config), 'utf8'));
}

@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    UserDirectoryModule,
    CentersModule,
    MailModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => ({
        secret: jwtSecretOf(config),
        // The algorithm is pinned on both sides: tokens claiming `none` or RS256 are refused.
        signOptions: {
          algorithm: 'HS256',
          expiresIn: ACCESS_TOKEN_SECONDS,
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
        },
        verifyOptions: { algorithms: ['HS256'], issuer: JWT_ISSUER, audience: JWT_AUDIENCE },
      }),
    }),
  ],
  providers: [AuthService, UsersService, PreferencesService],
  exports: [AuthService, UsersService, PreferencesService, JwtModule, UserDirectoryModule],
})
export class IdentityModule {}
