import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ROLES, type Role } from '@profmonitor/domain';
import type { Request } from 'express';
import type { Principal } from './principal';

export const ACCESS = 'profmonitor:access';

/** Who may call an endpoint. Every endpoint declares one; without it the guard refuses. */
export type AccessRule = { public: true } | { roles: readonly Role[] };

/** Anyone, signed in or not (login, health). */
export const Public = () => SetMetadata(ACCESS, { public: true } satisfies AccessRule);

/** Signed-in accounts of these roles; finer rules (whose data) are in AccessPolicy. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS, { roles } satisfies AccessRule);

export const ALL_ROLES: readonly Role[] = ROLES;

/** Any signed-in account. */
export const SignedIn = () => Allow(...ALL_ROLES);

export type RequestWithPrincipal = Request & { principal?: Principal };

/** The signed-in account of the request (the guard has made sure there is one). */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<RequestWithPrincipal>().principal!,
);
