import 'reflect-metadata';
import { Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';

/** Everything an HTTP application needs besides listening: used by the server and the HTTP tests. */
export function configureApp(app: INestApplication): INestApplication {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true }));
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('ПрофМонитор API')
    .setDescription('Monitoring of students’ professional self-determination: reports, indicators, targets.')
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}

export async function bootstrap(port = Number(process.env.PORT ?? 3000)) {
  const app = configureApp(await NestFactory.create(AppModule.forRoot()));
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  Logger.log(`ПрофМонитор: http://localhost:${port}/ (API: /api, документация: /api/docs)`, 'Bootstrap');
  return app;
}

if (require.main === module) void bootstrap();
