import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SHEET_IDS,
  type ImportResult,
  type PlacedIssue,
  type CellChangeView,
  type CellValue,
  type ChangedRowView,
  type ComparedRowView,
  type IndicatorMoveView,
  type SheetCompareView,
  type SheetId,
  type SheetImportResult,
  type SheetVersionView,
  type UploadKind,
  type UploadOutcome,
  type UploadView,
} from '@profmonitor/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ErrorDto } from '../common/error.dto';
import { MAX_REASON_LENGTH, type UploadOptions } from './upload-options';

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

/**
 * POST /api/uploads's options, the committee's only (checked, with their Russian messages, by
 * UploadsService: the command line gives the same).
 */
export class UploadQueryDto implements UploadOptions {
  @ApiPropertyOptional({
    maxLength: MAX_REASON_LENGTH,
    description:
      'Why the committee uploads into an accepted report or a closed campaign (required there); kept with the upload and in the audit log',
  })
  @IsOptional()
  @IsString({ message: 'Причина загрузки (reason) указывается один раз, текстом.' })
  reason?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2024-05-31T14:30:00+03:00',
    description:
      'An archive’s original time (on time is judged by it); without an offset, the municipality’s time (TIME_ZONE). Not in the future',
  })
  @IsOptional()
  @IsString({ message: 'Время получения (receivedAt) указывается один раз, например 2024-05-31T14:30.' })
  receivedAt?: string;
}

export class UploadDto implements UploadView {
  @ApiProperty() id: number;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: UPLOAD_KINDS }) kind: UploadKind;
  @ApiProperty({ enum: UPLOAD_OUTCOMES }) outcome: UploadOutcome;
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty({ type: String, nullable: true }) period: string | null;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'An archive’s original time; null: received when uploaded',
  })
  receivedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The committee’s reason, when it gave one' })
  reason: string | null;
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

export class HistoryCompareQueryDto extends HistoryQueryDto {
  @ApiProperty({ enum: SHEET_IDS, example: 'graduates' })
  @IsIn(SHEET_IDS, {
    message: 'Лист указывается так: title, graduates, coverage, teachers, partners или profminimum.',
  })
  sheet: SheetId;

  @ApiProperty({ description: 'The earlier version’s id (SheetVersionView.id)' })
  @Type(() => Number)
  @IsInt({ message: 'from — номер версии листа из истории загрузок (целое число).' })
  @Min(1, { message: 'from — номер версии листа из истории загрузок (целое число).' })
  from: number;

  @ApiProperty({ description: 'The later version’s id' })
  @Type(() => Number)
  @IsInt({ message: 'to — номер версии листа из истории загрузок (целое число).' })
  @Min(1, { message: 'to — номер версии листа из истории загрузок (целое число).' })
  to: number;
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
  @ApiProperty({ description: 'The version id (GET /api/history/compare: from, to)' }) id: number;
  @ApiProperty() sheet: string;
  @ApiProperty() version: number;
  @ApiProperty() current: boolean;
  @ApiProperty() rows: number;
  @ApiProperty() uploadId: number;
  @ApiProperty() fileName: string;
  @ApiProperty() sha256: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

const IMPORT_KINDS = ['school', 'vacancies', 'registry'] as const satisfies readonly ImportResult['kind'][];

class ImportIssueDto {
  @ApiProperty() message: string;
}

export class PlacedIssueDto implements PlacedIssue {
  @ApiProperty({ type: 'integer', nullable: true, description: 'The sheet row, as Excel shows it' })
  row: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The column header' }) column: string | null;
  @ApiProperty() message: string;
  @ApiProperty({
    required: false,
    enum: [true],
    description: 'Says what the upload did (a sheet unchanged), not a doubt about the data',
  })
  notice?: true;
}

export class SheetImportResultDto implements SheetImportResult {
  @ApiProperty() sheet: string;
  @ApiProperty() accepted: boolean;
  @ApiProperty({ type: 'integer' }) rows: number;
  @ApiProperty({ type: [PlacedIssueDto] }) errors: PlacedIssue[];
  @ApiProperty({ type: [PlacedIssueDto] }) warnings: PlacedIssue[];
}

/** What became of one file (ImportResult): POST /api/uploads and /api/registry. */
export class ImportResultDto implements ImportResult {
  @ApiProperty() file: string;
  @ApiProperty({ description: 'Every sheet accepted whole, and no file-level error' }) accepted: boolean;
  @ApiProperty({ enum: [...IMPORT_KINDS, null], nullable: true }) kind: ImportResult['kind'];
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty({ type: String, nullable: true }) period: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Labor demand: Город or Регион' })
  territory?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Labor demand: the as-of date' })
  asOf?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Labor demand of Город with several municipalities: whose vacancies',
  })
  municipality?: string | null;
  @ApiProperty({ enum: UPLOAD_OUTCOMES }) outcome: UploadOutcome;
  @ApiPropertyOptional({ type: 'integer' }) uploadId?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'A repeated file: the upload with the same data' })
  duplicateOf?: number;
  @ApiPropertyOptional({
    enum: ['organization', 'kind', 'locked', 'closed'],
    description:
      'The sender may not upload this file: another organization’s, a kind it does not send, a report the committee accepted (locked) or a period whose campaign is closed',
  })
  refused?: ImportResult['refused'];
  @ApiProperty({ type: [ImportIssueDto], description: 'File-level errors: they reject everything' })
  errors: { message: string }[];
  @ApiProperty({ type: [ImportIssueDto] }) warnings: { message: string }[];
  @ApiProperty({ type: [SheetImportResultDto] }) sheets: SheetImportResult[];
}

/** An upload with its full result (GET /api/uploads/:id). */
export class UploadDetailDto extends UploadDto {
  @ApiProperty({ type: ImportResultDto, description: 'The full list of errors and warnings' })
  result: ImportResult;
}

/** A file that was not taken (import_rejected, import_refused): the error with the import's result. */
export class ImportErrorDto extends ErrorDto {
  @ApiProperty({ type: ImportResultDto }) result: ImportResult;
}

// Text, number, yes/no or empty: a null passes as the nullable text.
const CELL = {
  oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
  description: 'Text, number, yes/no (true/false), date (YYYY-MM-DD) or empty (null)',
};

export class ComparedRowDto implements ComparedRowView {
  @ApiProperty({ description: 'The row number as Excel shows it' }) excelRow: number;
  @ApiProperty({ type: String, nullable: true, description: 'The key column’s value' }) key: string | null;
  @ApiProperty({ type: 'object', additionalProperties: CELL, description: 'Values by column header' })
  cells: Record<string, CellValue>;
}

export class CellChangeDto implements CellChangeView {
  @ApiProperty() column: string;
  @ApiProperty(CELL) before: CellValue;
  @ApiProperty(CELL) after: CellValue;
}

export class ChangedRowDto implements ChangedRowView {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'Excel row in the earlier version' }) fromRow: number;
  @ApiProperty({ description: 'Excel row in the later version' }) toRow: number;
  @ApiProperty({ type: [CellChangeDto] }) changes: CellChangeView[];
}

export class IndicatorMoveDto implements IndicatorMoveView {
  @ApiProperty() indicator: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['ratio', 'mismatch'] }) kind: 'ratio' | 'mismatch';
  @ApiProperty({ type: Number, nullable: true }) before: number | null;
  @ApiProperty({ type: Number, nullable: true }) after: number | null;
}

class VersionRefDto {
  @ApiProperty() id: number;
  @ApiProperty() version: number;
}

export class SheetCompareDto implements SheetCompareView {
  @ApiProperty({ enum: SHEET_IDS }) sheet: string;
  @ApiProperty() sheetName: string;
  @ApiProperty({ type: VersionRefDto }) from: { id: number; version: number };
  @ApiProperty({ type: VersionRefDto }) to: { id: number; version: number };
  @ApiProperty({ type: String, nullable: true, description: 'Header of the column rows are matched by' })
  keyColumn: string | null;
  @ApiProperty({ type: [String] }) columns: string[];
  @ApiProperty({ type: [ComparedRowDto] }) added: ComparedRowView[];
  @ApiProperty({ type: [ComparedRowDto] }) removed: ComparedRowView[];
  @ApiProperty({ type: [ChangedRowDto] }) changed: ChangedRowView[];
  @ApiProperty({ type: [IndicatorMoveDto] }) indicators: IndicatorMoveView[];
}
