import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@profmonitor/domain';
import { ACCESS, type AccessRule, type RequestWithPrincipal } from './access.decorators';
import { SessionsService, sessionToken } from './sessions.service';
import { AppError } from '../common/app-error';

const ROLE_NAMES = {
  region: 'регионального министерства',
  committee: 'комитета',
  school: 'школы',
  employment: 'центра занятости',
} as const satisfies Record<Role, string>;

/**
 * The one place that decides who may call an endpoint: the session cookie names the account,
 * the endpoint's rule (@Public / @Allow) names the roles. An endpoint without a rule is refused.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    request.principal = (await this.sessions.resolve(sessionToken(request), request.ip ?? null)) ?? undefined;
    if (!rule) throw new AppError('no_access_rule');
    if ('public' in rule) return true;
    const principal = request.principal;
    if (!principal) throw new AppError('not_signed_in');
    if (!rule.roles.includes(principal.role)) {
      throw new AppError(
        'role_forbidden',
        `Это действие недоступно учётной записи ${ROLE_NAMES[principal.role]}.`,
      );
    }
    return true;
  }
}
