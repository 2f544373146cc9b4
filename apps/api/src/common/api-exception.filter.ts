import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';

// Messages that libraries answer in English, put in Russian. Keys are their texts, which may be
// followed by ` - <detail>` (multer names the field).
const LIBRARY_MESSAGES: Record<string, string> = {
  'Unexpected field': 'Файл передаётся в поле «file», по одному за раз.',
  'Unexpected file field': 'Файл передаётся в поле «file», по одному за раз.',
  'Too many files': 'За один раз загружается один файл.',
  'Too many parts': 'Запрос содержит слишком много частей.',
  'Multipart: Boundary not found': 'Запрос не похож на загрузку файла (multipart/form-data).',
  'Unexpected end of form': 'Файл передан не полностью. Попробуйте загрузить его ещё раз.',
};

const INTERNAL =
  'Внутренняя ошибка сервера. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.';

/**
 * Every error leaves as `{statusCode, message}` in Russian: HTTP errors as thrown (library
 * texts translated), anything else as a 500 without stack traces or SQL, which go to the log.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  private readonly messages: Record<string, string>;

  constructor(maxUploadBytes: number) {
    const mb = Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10;
    this.messages = {
      ...LIBRARY_MESSAGES,
      'File too large': `Файл больше ${String(mb).replace('.', ',')} МБ — такой файл не принимается. Удалите из книги лишние листы и пустые строки или разделите отчёт.`,
    };
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    if (response.headersSent) return;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const payload = typeof body === 'string' ? { message: body } : (body as Record<string, unknown>);
      const message = payload.message;
      const { error: _error, ...rest } = payload;
      response.status(status).json({
        ...rest,
        statusCode: status,
        message: typeof message === 'string' ? this.translate(message, status, request) : message,
      });
      return;
    }
    // body-parser reports malformed JSON with a status of its own.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      response
        .status(status)
        .json({ statusCode: status, message: 'Тело запроса не разобрано: ожидается JSON.' });
      return;
    }
    this.logger.error(
      `${request.method} ${request.originalUrl}`,
      exception instanceof Error ? exception.stack : String(exception),
    );
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: INTERNAL });
  }

  private translate(message: string, status: number, request: Request): string {
    const known = this.messages[message.split(' - ')[0]];
    if (known) return known;
    if (status === HttpStatus.NOT_FOUND && message.startsWith('Cannot ')) {
      return `Адрес ${request.method} ${request.path} не найден.`;
    }
    if (message.startsWith('Validation failed')) return 'Параметр запроса указан неверно.';
    // The JSON body parser's own words (a SyntaxError's message).
    if (status === HttpStatus.BAD_REQUEST && /JSON|Unexpected token|Unexpected end/.test(message)) {
      return 'Тело запроса не разобрано: ожидается JSON.';
    }
    return message;
  }
}
