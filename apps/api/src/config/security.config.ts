import { Global, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

/** How sessions, cookies, CORS and the login limiter behave; read once from the environment. */
export interface SecurityConfig {
  /** Keys the HMAC that turns a session token into its stored id. */
  sessionSecret: Buffer;
  sessionTtlMs: number;
  /** `Secure` cookies: on in production (behind HTTPS), off on a developer's http://localhost. */
  secureCookie: boolean;
  /** Origins allowed to call the API from a browser; empty (the default) means CORS stays closed. */
  corsOrigins: string[];
  /** Login attempts per minute from one address; attempts per account are fixed (see auth.controller). */
  loginAttemptsPerMinute: number;
  /** Express `trust proxy` (behind a reverse proxy: the number of hops), for the client's address. */
  trustProxy: number | false;
}

export const SECURITY_CONFIG = Symbol('SECURITY_CONFIG');

const MIN_SECRET_LENGTH = 32;

/**
 * The HTTP server in production (`NODE_ENV=production`) refuses to start without a session
 * secret. Without one elsewhere (tests, the demo, the command line) a random secret is made for
 * the process: sessions then end when it stops.
 */
export function requireSessionSecret(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw new Error(
      'Не задан SESSION_SECRET: в рабочем режиме (NODE_ENV=production) сервер без него не запускается. ' +
        'Задайте случайную строку не короче 32 символов, например: openssl rand -base64 48',
    );
  }
  securityConfigFromEnv(env);
}

export function securityConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  const production = env.NODE_ENV === 'production';
  const secret = env.SESSION_SECRET;
  if (secret && secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`SESSION_SECRET слишком короткий: нужно не меньше ${MIN_SECRET_LENGTH} символов.`);
  }
  const hours = Number(env.SESSION_TTL_HOURS ?? 12);
  const proxyHops = Number(env.TRUST_PROXY ?? 0);
  return {
    sessionSecret: secret ? Buffer.from(secret) : randomBytes(32),
    sessionTtlMs: hours * 3600_000,
    secureCookie: (env.COOKIE_SECURE ?? (production ? 'true' : 'false')) === 'true',
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    loginAttemptsPerMinute: Number(env.LOGIN_ATTEMPTS_PER_MINUTE ?? 20),
    trustProxy: proxyHops > 0 ? proxyHops : false,
  };
}

@Global()
@Module({
  providers: [{ provide: SECURITY_CONFIG, useFactory: () => securityConfigFromEnv() }],
  exports: [SECURITY_CONFIG],
})
export class SecurityConfigModule {}
