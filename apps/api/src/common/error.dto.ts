import { ApiProperty } from '@nestjs/swagger';
import { API_ERROR_CODES, API_ERRORS, type ApiErrorBody, type ApiErrorCode } from '@profmonitor/domain';

const STATUSES = [...new Set(Object.values(API_ERRORS).map((error) => error.status))].sort();

/**
 * The body of every error answer (ApiErrorBody). Each operation narrows `code` to the codes it
 * answers with (see ApiErrors); answers with details extend this class.
 */
export class ErrorDto implements ApiErrorBody {
  @ApiProperty({ type: 'integer', enum: STATUSES, description: 'The HTTP status again' })
  statusCode: number;

  @ApiProperty({ enum: API_ERROR_CODES, enumName: 'ApiErrorCode', description: 'What went wrong' })
  code: ApiErrorCode;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'In Russian, for the user: one message, or one per broken rule of a form',
  })
  message: string | string[];
}

/** An error that says when to come back (a throttled password check). */
export class RetryErrorDto extends ErrorDto {
  @ApiProperty({ type: 'integer', description: 'Seconds to wait; the Retry-After header says it too' })
  retryAfter: number;
}
