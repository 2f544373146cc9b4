import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, throwError } from 'rxjs';
import { AppError } from './app-error';

/**
 * An error that says when to come back (`details.retryAfter`, in seconds) says it in the
 * `Retry-After` header too, as HTTP clients expect of a 429; the body keeps it for the web app.
 */
@Injectable()
export class RetryAfterHeader implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const seconds = error instanceof AppError ? error.details.retryAfter : undefined;
        if (typeof seconds === 'number') {
          context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
        }
        return throwError(() => error);
      }),
    );
  }
}
