import 'reflect-metadata';
import { ValidationPipe, type INestApplication, type LogLevel } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import { DEFAULT_LIMITS } from '@profmonitor/workbook';
import { ApiExceptionFilter, ErrorAnswers, expressErrorHandler } from './common/api-exception.filter';
import { AppError } from './common/app-error';
import { createOpenApiDocument } from './common/openapi';
import { ContentTypeGuard } from './common/content-type.guard';
import { sameOriginWrites } from './common/request-origin';
import { WorkbookIntake } from './common/workbook-intake';
import { SECURITY_CONFIG, type SecurityConfig } from './config/security.config';
import { settingsOrExit } from './config/settings';

/**
 * The HTTP application as the server runs it, for the server, the HTTP tests and the benchmarks
 * alike. Nest's own body parsers stay off: configureApp installs the one JSON parser the API
 * speaks, with its error answers right behind it.
 */
export async function createHttpApp(
  module: Parameters<typeof NestFactory.create>[0],
  logger?: LogLevel[],
): Promise<INestApplication> {
  return configureApp(await NestFactory.create(module, { bodyParser: false, ...(logger && { logger }) }));
}

/** Everything an HTTP application needs besides listening (see createHttpApp). */
export function configureApp(app: INestApplication): INestApplication {
  const security = app.get<SecurityConfig>(SECURITY_CONFIG);
  const server = app as NestExpressApplication;
  server.set('trust proxy', security.trustProxy);
  server.disable('x-powered-by');
  app.use(
    helmet({
      // Served over plain HTTP (a developer's machine, an intranet without TLS), upgrading
      // the app's own requests to HTTPS would break it; behind HTTPS (secure cookies) it is on.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: security.secureCookie ? [] : null } },
    }),
  );
  app.use(cookieParser());
  // JSON of a whole region (the indicator page: ~2.4 MB for 1,000 organizations × 10 periods) shrinks ~10×.
  app.use(compression());
  // CORS stays closed (no Access-Control-* headers) unless origins are listed.
  if (security.corsOrigins.length > 0) app.enableCors({ origin: security.corsOrigins, credentials: true });
  // Writes sent from other sites' pages are refused before their bodies are read (see request-origin).
  app.use(sameOriginWrites(security.corsOrigins));
  // JSON bodies for JSON endpoints, multipart for the uploads; anything else is a 415.
  app.useGlobalGuards(new ContentTypeGuard(app.get(Reflector)));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: (errors) => new AppError('invalid_parameters', validationMessages(errors)),
    }),
  );
  const errors = new ErrorAnswers(app.get(WorkbookIntake).limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes);
  // JSON only, UTF-8 only, not compressed, up to 100 KB (the largest form, a profession list, is
  // a few KB). Form-encoded bodies are not parsed at all: nothing here takes them.
  app.use(utf8Only, express.json({ limit: '100kb', inflate: false, verify: markNulInJson }), noNulCharacter);
  app.use(expressErrorHandler(errors));
  app.useGlobalFilters(new ApiExceptionFilter(errors));
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app));
  return app;
}

/** body-parser decodes any UTF-* charset; the API reads UTF-8 alone (a UTF-16 body is refused, not garbled). */
function utf8Only(request: Request, _response: Response, next: NextFunction) {
  const charset = /;\s*charset=("?)([^";]+)\1/i.exec(request.headers['content-type'] ?? '')?.[2];
  next(charset && !/^utf-?8$/i.test(charset.trim()) ? new AppError('unsupported_encoding') : undefined);
}

/** Text may not hold the NUL character: PostgreSQL cannot store it, and no real value has it. */
const NUL_MESSAGE = 'В запросе есть недопустимый нулевой символ (\\0): уберите его и повторите.';

const NUL_IN_BODY = Symbol('NUL in the JSON body');

/** Notes a NUL in a JSON body (`\u0000`; a raw NUL byte is no JSON at all) while it is read. */
function markNulInJson(request: Request, _response: unknown, body: Buffer) {
  if (/\\u0000/i.test(body.toString('latin1')))
    (request as Request & { [NUL_IN_BODY]?: true })[NUL_IN_BODY] = true;
}

/** A NUL in the address (`%00`, path or query) or the body is refused before any route reads it. */
function noNulCharacter(request: Request, _response: Response, next: NextFunction) {
  const inBody = (request as Request & { [NUL_IN_BODY]?: true })[NUL_IN_BODY];
  next(
    /%00/.test(request.originalUrl) || inBody ? new AppError('invalid_parameters', NUL_MESSAGE) : undefined,
  );
}

/** The DTOs' Russian messages; class-validator's own (an unknown parameter) put in Russian too. */
function validationMessages(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [
    ...Object.entries(error.constraints ?? {}).map(([rule, message]) =>
      rule === 'whitelistValidation' ? `Лишний параметр «${error.property}»: такого поля нет.` : message,
    ),
    ...validationMessages(error.children ?? []),
  ]);
}

/** Starts the server: a wrong setting (config/settings.ts) stops it first, with exit code 1. */
export async function bootstrap(port?: number) {
  const settings = settingsOrExit();
  port ??= settings.port;
  // Nest's start-up lines (every module, every route) would bury the demo accounts printed above.
  const app = await createHttpApp(AppModule.forRoot(), ['error', 'warn']);
  await app.listen(port, settings.host);
  const { port: listening } = (app.getHttpServer() as Server).address() as AddressInfo;
  const host = ['127.0.0.1', '0.0.0.0', '::', '::1'].includes(settings.host) ? 'localhost' : settings.host;
  console.log(
    `ПрофМонитор работает: http://${host}:${listening}/ (API: /api, документация: /api/docs). Остановить: Ctrl+C.`,
  );
  return app;
}

if (require.main === module) void bootstrap();
