import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SheetVersionView, UploadKind, UploadOutcome, UploadView } from '@profmonitor/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

// The values the contract's unions allow (a value outside them fails the type check).
const UPLOAD_KINDS = ['school', 'vacancies', 'registry', 'unknown'] as const satisfies readonly UploadKind[];
const UPLOAD_OUTCOMES = [
  'accepted',
  'partial',
  'rejected',
  'duplicate',
] as const satisfies readonly UploadOutcome[];

export class UploadsQueryDto {
  @ApiPropertyOptional({ example: 'SCH01' })
  @IsOptional()
  @Matches(/^[\p{L}\p{N}_.-]{1,32}$/u, {
    message: 'Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.',
  })
  org?: string;

  @ApiPropertyOptional({ example: '2023/2024' })
  @IsOptional()
  @Matches(/^\s*\d{4}\s*[/\-–]\s*\d{4}\s*$/, { message: 'Учебный год указывается так: 2023/2024.' })
  period?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit — целое число от 1 до 500.' })
  @Min(1, { message: 'limit — целое число от 1 до 500.' })
  @Max(500, { message: 'limit — целое число от 1 до 500.' })
  limit?: number;
}

export class UploadDto implements UploadView {
  @ApiProperty() id: number;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: UPLOAD_KINDS }) kind: UploadKind;
  @ApiProperty({ enum: UPLOAD_OUTCOMES }) outcome: UploadOutcome;
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty({ type: String, nullable: true }) period: string | null;
  @ApiProperty() uploadedBy: string;
  @ApiProperty() uploadedAt: string;
  @ApiProperty() sha256: string;
  @ApiProperty() size: number;
  @ApiProperty() errorCount: number;
  @ApiProperty() warningCount: number;
}

export class HistoryQueryDto {
  @ApiProperty({ example: 'SCH01' })
  @Matches(/^[\p{L}\p{N}_.-]{1,32}$/u, {
    message: 'Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.',
  })
  org: string;

  @ApiProperty({ example: '2023/2024' })
  @Matches(/^\s*\d{4}\s*[/\-–]\s*\d{4}\s*$/, { message: 'Учебный год указывается так: 2023/2024.' })
  period: string;
}

export class TemplateParamsDto {
  @ApiProperty({ enum: ['school', 'vacancies', 'registry'] })
  @IsIn(['school', 'vacancies', 'registry'], {
    message:
      'Шаблоны есть для school (отчёт организации), vacancies (потребность в кадрах) и registry (реестр).',
  })
  kind: 'school' | 'vacancies' | 'registry';
}

export class SheetVersionDto implements SheetVersionView {
  @ApiProperty() sheet: string;
  @ApiProperty() version: number;
  @ApiProperty() current: boolean;
  @ApiProperty() rows: number;
  @ApiProperty() uploadId: number;
  @ApiProperty() fileName: string;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty() uploadedAt: string;
}
