import { LoginDto, Role } from '@lib/identity';
import { ApiError, ApiErrorCode } from '../http/api.errors';
import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { createValidationPipe } from '../http/validation';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from './auth.decorators';
import { invalidAccessToken } from './jwt.strategy';

/** Global: every route needs a valid access token unless it is `@Public()`. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T): T {
    // An error here is one validate() threw (a lost database, say): not the caller's fault, so
    // not a 401 that would log them out. Bad tokens arrive as no user, with the reason as info.
    if (error) throw error;
    if (!user) throw invalidAccessToken();
    return user;
  }
}

/** Global, after authentication: the caller's role must be one the route declares. */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly logger = new Logger(RolesGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles) {
      this.logger.warn(`${context.getClass().name}.${context.getHandler().name} declares no @Roles: refused`);
    }
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (roles && actor && roles.includes(actor.role)) return true;
    throw new ApiError('forbidden', ApiErrorCode.Forbidden, 'Your role may not do this');
  }
}

/**
 * Login: the body is validated first (400 naming the field, not passport's bare 401), then
 * passport-local checks the credentials.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  private readonly pipe = createValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.body = await this.pipe.transform(request.body ?? {}, { type: 'body', metatype: LoginDto });
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    return user;
  }
}

/** 429 with a plain `Retry-After` header, in the product's error shape. */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    void context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(seconds));
    throw new ApiError(
      'rate_limited',
      ApiErrorCode.TooManyAttempts,
      `Too many attempts; try again in ${seconds} seconds`,
    );
  }
}
