import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SecurityConfigModule } from '../config/security.config';
import { IndicatorsCoreModule } from '../indicators/indicators-core.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottle } from './login-throttle';
import { SessionGuard } from './session.guard';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** Accounts and sessions, and the guard that applies every endpoint's access rule. */
@Global()
@Module({
  // IndicatorInputs: the registry's municipalities, which bind committees and employment centers.
  imports: [SecurityConfigModule, OrganizationsModule, IndicatorsCoreModule],
  controllers: [AuthController, AccountsController],
  providers: [
    AccountsRepository,
    SessionsRepository,
    SessionsService,
    AccountsService,
    LoginFailuresRepository,
    LoginThrottle,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [AccountsService],
})
export class AccountsModule {}
