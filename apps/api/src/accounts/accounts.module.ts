import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { SECURITY_CONFIG, SecurityConfigModule, type SecurityConfig } from '../config/security.config';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { SessionGuard } from './session.guard';
import { SessionsService } from './sessions.service';

const MINUTE = 60_000;

/** Accounts and sessions, and the guard that applies every endpoint's access rule. */
@Global()
@Module({
  imports: [
    SecurityConfigModule,
    OrganizationsModule,
    // Login attempts: per client address (configurable), and per login whatever the address.
    ThrottlerModule.forRootAsync({
      imports: [SecurityConfigModule],
      inject: [SECURITY_CONFIG],
      useFactory: (config: SecurityConfig) => ({
        throttlers: [
          { name: 'address', ttl: MINUTE, limit: config.loginAttemptsPerMinute },
          {
            name: 'account',
            ttl: 15 * MINUTE,
            limit: 10,
            getTracker: (request: { body?: { login?: unknown } }) =>
              String(request.body?.login ?? '')
                .trim()
                .toLowerCase(),
          },
        ],
        errorMessage: (_context, limit) =>
          `Слишком много попыток входа. Повторите через ${Math.max(1, Math.ceil(limit.timeToExpire / 60))} мин.`,
      }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [SessionsService, AccountsService, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [AccountsService],
})
export class AccountsModule {}
