import { AuditContext } from '@lib/audit';
import { AuthService, ForgotPasswordDto, LoginDto, RefreshDto, SessionResponse, SetPasswordDto } from '@lib/identity';
import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { AuthenticatedRequest, Public, RequestAuditContext } from './auth.decorators';
import { AuthThrottlerGuard, LoginGuard } from './guards';

/** Per IP and per account: enough for a person who mistypes, too few for guessing. */
const LOGIN_LIMITS = { ip: { limit: 20, ttl: 60_000 }, account: { limit: 10, ttl: 60_000 } };

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Throttle(LOGIN_LIMITS)
  @UseGuards(AuthThrottlerGuard, LoginGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'E-mail or password is incorrect (the same answer for every cause)' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts from this address or for this account; see Retry-After',
  })
  login(@Req() request: AuthenticatedRequest): SessionResponse {
    return request.user as unknown as SessionResponse;
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse, description: 'A new pair; the refresh token sent is now used up' })
  refresh(@Body() body: RefreshDto, @RequestAuditContext() context: AuditContext): Promise<SessionResponse> {
    return this.auth.refresh(body.refreshToken, context);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session of this refresh token is ended' })
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Post('accept-invite')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse, description: 'Password set; logged in' })
  acceptInvite(@Body() body: SetPasswordDto, @RequestAuditContext() context: AuditContext): Promise<SessionResponse> {
    return this.auth.acceptInvitation(body.token, body.password, context);
  }

  @Post('forgot-password')
  @HttpCode(202)
  @Throttle(LOGIN_LIMITS)
  @UseGuards(AuthThrottlerGuard)
  @ApiAcceptedResponse({ description: 'Always 202: whether the address has an account is never told' })
  async forgotPassword(@Body() body: ForgotPasswordDto, @RequestAuditContext() context: AuditContext): Promise<void> {
    await this.auth.forgotPassword(body.email, context);
  }

  @Post('reset-password')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse, description: 'Password set; every other session ended; logged in' })
  resetPassword(@Body() body: SetPasswordDto, @RequestAuditContext() context: AuditContext): Promise<SessionResponse> {
    return this.auth.resetPassword(body.token, body.password, context);
  }
}
