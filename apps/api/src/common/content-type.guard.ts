import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import type { Request } from 'express';
import { AppError } from './app-error';

const JSON_ONLY = ['application/json'];

/**
 * Each endpoint takes a body of one type only: the file uploads (those declaring
 * `@ApiConsumes('multipart/form-data')`) multipart, every other endpoint JSON. A page on another
 * site can send a form or text/plain without asking the browser's permission, JSON it cannot;
 * so this closes forged requests too. Requests without a body pass. Runs before multer reads a
 * file.
 */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return true;
    const consumes =
      this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? JSON_ONLY;
    if (request.is(consumes)) return true;
    throw new AppError(consumes.includes('multipart/form-data') ? 'not_multipart' : 'unsupported_media_type');
  }
}

/** A body of at least one byte is announced, by its length or as chunks. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}
