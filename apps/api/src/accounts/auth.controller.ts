import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Put,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RetryAfterHeader } from '../common/retry-after.interceptor';
import { ApiErrors } from '../common/openapi';
import { RetryErrorDto } from '../common/error.dto';
import { SECURITY_CONFIG, type SecurityConfig } from '../config/security.config';
import { CurrentUser, Public, SignedIn, type RequestWithPrincipal } from './access.decorators';
import { LoginDto, PasswordChangeDto, SessionUserDto } from './accounts.dto';
import { AccountsService } from './accounts.service';
import type { Principal } from './principal';
import { SESSION_COOKIE, sessionToken } from './sessions.service';

@ApiTags('auth')
@Controller('auth')
// Password checks are throttled (LoginThrottle): a 429 says when to come back.
@UseInterceptors(RetryAfterHeader)
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    @Inject(SECURITY_CONFIG) private readonly config: SecurityConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: opens a session' })
  @ApiErrors('bad_credentials', 'account_unbound')
  @ApiErrors('too_many_attempts', { body: RetryErrorDto })
  @ApiOkResponse({ type: SessionUserDto, description: 'Sets the httpOnly session cookie' })
  async login(
    @Body() body: LoginDto,
    @Req() request: RequestWithPrincipal,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { session, user } = await this.accounts.login(body.login, body.password, request.ip ?? null);
    response.cookie(SESSION_COOKIE, session.token, { ...this.cookieOptions(), expires: session.expiresAt });
    return user;
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session, if any' })
  @ApiNoContentResponse()
  async logout(@Req() request: RequestWithPrincipal, @Res({ passthrough: true }) response: Response) {
    await this.accounts.logout(request.principal, sessionToken(request));
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentUser() user: Principal) {
    return this.accounts.me(user);
  }

  @Put('password')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change one’s own password' })
  @ApiErrors('wrong_current_password', 'weak_password')
  @ApiErrors('too_many_attempts', { body: RetryErrorDto })
  @ApiNoContentResponse({ description: 'Every other session of the account ends' })
  changePassword(
    @CurrentUser() user: Principal,
    @Body() body: PasswordChangeDto,
    @Req() request: RequestWithPrincipal,
  ) {
    return this.accounts.changePassword(user, body.currentPassword, body.newPassword, sessionToken(request));
  }

  private cookieOptions() {
    return { httpOnly: true, sameSite: 'strict', secure: this.config.secureCookie, path: '/' } as const;
  }
}
