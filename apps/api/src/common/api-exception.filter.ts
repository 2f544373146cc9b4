import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { API_ERRORS, type ApiErrorCode } from '@profmonitor/domain';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from './app-error';

/** Texts multer (through Nest) and body-parser answer with, by what they mean. */
const LIBRARY_TEXTS: Record<string, ApiErrorCode> = {
  'File too large': 'file_too_large',
  'Unexpected field': 'file_field',
  'Unexpected file field': 'file_field',
  'Too many files': 'file_field',
  'Too many parts': 'upload_form_invalid',
  'Too many fields': 'upload_form_invalid',
  'Field name too long': 'upload_form_invalid',
  'Field value too long': 'upload_form_invalid',
  'Field name missing': 'upload_form_invalid',
  'Field name nesting too deep': 'upload_form_invalid',
  'Field name array index too large': 'upload_form_invalid',
  'Invalid field name': 'upload_form_invalid',
  'Multipart: Boundary not found': 'not_multipart',
  'Unsupported content type': 'not_multipart',
  'Unexpected end of form': 'file_incomplete',
  'File stream was destroyed': 'file_incomplete',
  'Request aborted': 'file_incomplete',
};

/** body-parser's error `type`s. */
const BODY_PARSER_TYPES: Record<string, ApiErrorCode> = {
  'entity.parse.failed': 'malformed_json',
  'entity.too.large': 'payload_too_large',
  'encoding.unsupported': 'unsupported_encoding',
  'charset.unsupported': 'unsupported_encoding',
  'request.aborted': 'bad_request',
  'request.size.invalid': 'bad_request',
  'parameters.too.many': 'payload_too_large',
};

/** The code an HTTP exception from Nest or a library stands for, by its status. */
const BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  400: 'bad_request',
  401: 'not_signed_in',
  403: 'role_forbidden',
  404: 'route_not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_attempts',
};

export interface ErrorAnswer {
  status: number;
  body: { statusCode: number; code: ApiErrorCode; message: string | readonly string[] } & Record<
    string,
    unknown
  >;
}

/**
 * Turns anything thrown while answering into the one error shape `{statusCode, code, message}`
 * (plus details such as an import's `result`): domain errors by their code, Nest's and the
 * libraries' errors by what they mean, anything else as a 500 whose cause goes to the log only.
 */
export class ErrorAnswers {
  private readonly overrides: Partial<Record<ApiErrorCode, string>>;

  constructor(maxUploadBytes: number) {
    const mb = String(Math.round((maxUploadBytes / 1024 / 1024) * 10) / 10).replace('.', ',');
    this.overrides = {
      file_too_large: `Файл больше ${mb} МБ — такой файл не принимается. Удалите из книги лишние листы и пустые строки или разделите отчёт.`,
    };
  }

  /** null: not an error the client caused or the domain named (a 500). */
  answer(exception: unknown, request: Request): ErrorAnswer | null {
    if (exception instanceof AppError) return this.of(exception.code, exception.messages, exception.details);
    if (exception instanceof HttpException) return this.fromHttpException(exception, request);
    const parserType = (exception as { type?: unknown } | null)?.type;
    if (typeof parserType === 'string' && BODY_PARSER_TYPES[parserType]) {
      return this.of(BODY_PARSER_TYPES[parserType]);
    }
    const status = (exception as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) return this.of('bad_request');
    return null;
  }

  of(code: ApiErrorCode, message?: string | readonly string[], details: Record<string, unknown> = {}) {
    const status = API_ERRORS[code].status;
    return {
      status,
      body: {
        ...details,
        statusCode: status,
        code,
        message: message ?? this.overrides[code] ?? API_ERRORS[code].message,
      },
    };
  }

  private fromHttpException(exception: HttpException, request: Request): ErrorAnswer {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const text = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const library = typeof text === 'string' ? LIBRARY_TEXTS[text.split(' - ')[0]] : undefined;
    if (library) return this.of(library);
    if (status === 404 && typeof text === 'string' && text.startsWith('Cannot ')) {
      return this.of('route_not_found', `Адрес ${request.method} ${request.path} не найден.`);
    }
    // Pipes' own words (ParseIntPipe: "Validation failed (numeric string is expected)").
    if (typeof text === 'string' && text.startsWith('Validation failed')) {
      return this.of('invalid_parameters', 'Параметр запроса указан неверно.');
    }
    const code = BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad_request');
    // A message written for the user (in Russian) is kept; a library's English default is not.
    return this.of(code, typeof text === 'string' && /[А-Яа-яЁё]/.test(text) ? text : undefined);
  }
}

/** The one exception filter: every error leaves through ErrorAnswers. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly answers: ErrorAnswers) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    send(this.answers, this.logger, exception, http.getRequest<Request>(), http.getResponse<Response>());
  }
}

/**
 * The same answers for errors raised by Express middleware before Nest routes the request
 * (body-parser's): registered right after the parsers, so no later middleware (the web app's
 * static files) turns them into a 404.
 */
export function expressErrorHandler(answers: ErrorAnswers) {
  const logger = new Logger('HTTP');
  return (error: unknown, request: Request, response: Response, _next: NextFunction) =>
    send(answers, logger, error, request, response);
}

function send(
  answers: ErrorAnswers,
  logger: Logger,
  exception: unknown,
  request: Request,
  response: Response,
) {
  if (response.headersSent) return;
  const answer = answers.answer(exception, request);
  if (answer) {
    response.status(answer.status).json(answer.body);
    return;
  }
  logger.error(
    `${request.method} ${request.originalUrl}`,
    exception instanceof Error ? exception.stack : String(exception),
  );
  const internal = answers.of('internal');
  response.status(internal.status).json(internal.body);
}
