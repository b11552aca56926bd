import { AuthService, SessionResponse } from '@lib/identity';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';

/** E-mail and password → a session. The body was validated by `LoginGuard` before this runs. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest, email: string, password: string): Promise<SessionResponse> {
    return this.auth.login(email, password, { actorId: null, actorRole: null, requestId: request.id, ip: request.ip });
  }
}
