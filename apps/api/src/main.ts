import 'reflect-metadata';
import { BadRequestException, Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { DEFAULT_LIMITS } from '@profmonitor/workbook';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { WorkbookIntake } from './common/workbook-intake';
import { requireSessionSecret, SECURITY_CONFIG, type SecurityConfig } from './config/security.config';

/** Everything an HTTP application needs besides listening: used by the server and the HTTP tests. */
export function configureApp(app: INestApplication): INestApplication {
  const security = app.get<SecurityConfig>(SECURITY_CONFIG);
  const express = app as NestExpressApplication;
  express.set('trust proxy', security.trustProxy);
  express.disable('x-powered-by');
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
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new ValidationPipe({
      transform: true,
      whitelist: true,
      forbidNonWhitelisted: true,
      exceptionFactory: (errors) => new BadRequestException(validationMessages(errors)),
    }),
  );
  app.useGlobalFilters(
    new ApiExceptionFilter(app.get(WorkbookIntake).limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes),
  );
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('ПрофМонитор API')
    .setDescription('Monitoring of students’ professional self-determination: reports, indicators, targets.')
    .setVersion('0.1.0')
    .addCookieAuth('pm_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
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

export async function bootstrap(port = Number(process.env.PORT ?? 3000)) {
  try {
    requireSessionSecret();
  } catch (error) {
    Logger.error((error as Error).message, 'Bootstrap');
    process.exit(1);
  }
  const app = configureApp(await NestFactory.create(AppModule.forRoot()));
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  Logger.log(`ПрофМонитор: http://localhost:${port}/ (API: /api, документация: /api/docs)`, 'Bootstrap');
  return app;
}

if (require.main === module) void bootstrap();
