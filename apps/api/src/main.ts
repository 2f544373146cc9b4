import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';

export async function bootstrap(port = Number(process.env.PORT ?? 3000)) {
  const app = await NestFactory.create(AppModule.forRoot());
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder().setTitle('ПрофМонитор API').setVersion('0.1.0').build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  await app.listen(port, process.env.HOST ?? '127.0.0.1');
  Logger.log(`ПрофМонитор: http://localhost:${port}/ (API: /api, документация: /api/docs)`, 'Bootstrap');
  return app;
}

if (require.main === module) void bootstrap();
