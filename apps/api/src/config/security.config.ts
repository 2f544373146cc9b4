import { Global, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Settings } from './settings';
import { SETTINGS, SettingsModule } from './settings.module';

/** How sessions, cookies, CORS and the login limiter behave; derived from the Settings. */
export interface SecurityConfig {
  /** Keys the HMAC that turns a session token into its stored id. */
  sessionSecret: Buffer;
  sessionTtlMs: number;
  /** `Secure` cookies: on in production (behind HTTPS), off on a developer's http://localhost. */
  secureCookie: boolean;
  /** Origins allowed to call the API from a browser; empty (the default) means CORS stays closed. */
  corsOrigins: string[];
  /** Failed password checks an hour from one address, across logins, before delays begin (LoginThrottle). */
  loginFailuresPerAddress: number;
  /** Express `trust proxy` (behind a reverse proxy: the number of hops), for the client's address. */
  trustProxy: number | false;
}

export const SECURITY_CONFIG = Symbol('SECURITY_CONFIG');

/**
 * Without SESSION_SECRET (refused in production by the settings) a random secret is made for
 * the application: sessions then end when it stops.
 */
export function securityConfig(settings: Settings): SecurityConfig {
  return {
    sessionSecret: settings.sessionSecret ? Buffer.from(settings.sessionSecret) : randomBytes(32),
    sessionTtlMs: settings.sessionTtlHours * 3600_000,
    secureCookie: settings.cookieSecure,
    corsOrigins: [...settings.corsOrigins],
    loginFailuresPerAddress: settings.loginFailuresPerAddress,
    trustProxy: settings.trustProxy > 0 ? settings.trustProxy : false,
  };
}

@Global()
@Module({
  imports: [SettingsModule],
  providers: [{ provide: SECURITY_CONFIG, inject: [SETTINGS], useFactory: securityConfig }],
  exports: [SECURITY_CONFIG],
})
export class SecurityConfigModule {}
