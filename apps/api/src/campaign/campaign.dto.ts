import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REPORT_STATES,
  REQUIRED_SHEET_IDS,
  type BulkReviewView,
  type CampaignChangeView,
  type CampaignView,
  type ReportEventView,
  type ReportSheetView,
  type ReportState,
  type ReportStatusView,
  type ReviewView,
  type SheetId,
  type UploadOutcome,
} from '@profmonitor/domain';
import { IsBoolean, IsIn, IsOptional, Matches, MaxLength, ValidateBy } from 'class-validator';
import { MunicipalityParameter, PeriodQueryDto } from '../indicators/indicators.dto';
import { HistoryQueryDto } from '../reports/uploads.dto';

// Requests: the period and organization rules of the other features (PeriodQueryDto,
// HistoryQueryDto), messages in Russian. Responses implement the contract types of libs/domain.

const OUTCOMES = ['accepted', 'partial', 'rejected', 'duplicate'] as const satisfies readonly UploadOutcome[];
const CHANGE_ACTIONS = [
  'open',
  'deadline',
  'close',
  'reopen',
] as const satisfies readonly CampaignChangeView['action'][];
const DECISIONS = ['accepted', 'returned'] as const satisfies readonly ReviewView['decision'][];
const CODE = /^[\p{L}\p{N}_.-]{1,32}$/u;
const CODE_MESSAGE = 'Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.';

/** The longest comment a returned report carries: a paragraph or two, not a file. */
export const COMMENT_MAX = 2000;
/** The most organizations one bulk acceptance names: a whole large municipality's and then some. */
export const BULK_MAX = 5000;

const DEADLINE_MESSAGE = 'Срок сдачи — дата в виде ГГГГ-ММ-ДД, например 2025-10-01.';
const COMMENT_MESSAGE = `Комментарий — текст не длиннее ${COMMENT_MAX} знаков.`;

export class CampaignQueryDto extends PeriodQueryDto {}

export class NewCampaignDto extends PeriodQueryDto {
  @ApiProperty({ example: '2025-10-01', description: 'YYYY-MM-DD; an upload on this day is on time.' })
  @MaxLength(40, { message: DEADLINE_MESSAGE })
  deadline: string;
}

export class CampaignUpdateDto {
  @ApiPropertyOptional({ example: '2025-10-15', description: 'A new deadline (an open campaign only).' })
  @IsOptional()
  @MaxLength(40, { message: DEADLINE_MESSAGE })
  deadline?: string;

  @ApiPropertyOptional({ description: 'false: close the campaign; true: reopen it.' })
  @IsOptional()
  @IsBoolean({ message: 'open — true (открыть сбор снова) или false (закрыть сбор).' })
  open?: boolean;
}

export class CampaignReportsQueryDto extends PeriodQueryDto {
  @MunicipalityParameter('Only that municipality’s organizations (default: the account’s own level).')
  municipality?: string;

  @ApiPropertyOptional({ example: 'SCH01', description: 'Only this organization’s report.' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  org?: string;
}

export class NewReviewDto extends HistoryQueryDto {
  @ApiProperty({ enum: ['accept', 'return'] })
  @IsIn(['accept', 'return'], { message: 'Решение — accept (принять) или return (вернуть).' })
  decision: 'accept' | 'return';

  @ApiPropertyOptional({ maxLength: COMMENT_MAX, description: 'Required to return: what to correct.' })
  @IsOptional()
  @MaxLength(COMMENT_MAX, { message: COMMENT_MESSAGE })
  comment?: string;
}

/**
 * A list of 1 to BULK_MAX organization codes, with one message for what is wrong with it (the
 * separate array rules of class-validator would each add theirs to the same mistake).
 */
function IsCodeList(): PropertyDecorator {
  const problem = (value: unknown): string | undefined => {
    if (!Array.isArray(value)) return 'orgs — список кодов организаций.';
    if (value.length === 0) return 'Укажите хотя бы одну организацию.';
    if (value.length > BULK_MAX) return `За один раз можно принять не больше ${BULK_MAX} отчётов.`;
    if (!value.every((code) => typeof code === 'string' && CODE.test(code))) return CODE_MESSAGE;
    return undefined;
  };
  return ValidateBy({
    name: 'isCodeList',
    validator: {
      validate: (value) => problem(value) === undefined,
      defaultMessage: (args) => problem(args?.value) ?? '',
    },
  });
}

export class NewBulkReviewDto extends PeriodQueryDto {
  @ApiProperty({ type: [String], example: ['SCH01', 'SCH02'], minItems: 1, maxItems: BULK_MAX })
  @IsCodeList()
  orgs: string[];
}

export class ReviewHistoryQueryDto extends HistoryQueryDto {}

class ReportStateCountsDto implements Record<ReportState, number> {
  @ApiProperty() 'не сдан': number;
  @ApiProperty() 'сдан частично': number;
  @ApiProperty() сдан: number;
  @ApiProperty() принят: number;
  @ApiProperty() возвращён: number;
}

export class CampaignChangeDto implements CampaignChangeView {
  @ApiProperty({ enum: CHANGE_ACTIONS }) action: CampaignChangeView['action'];
  @ApiProperty({ example: '2025-10-01' }) deadline: string;
  @ApiProperty({ type: String, nullable: true, description: 'The deadline before a move' })
  previousDeadline: string | null;
  @ApiProperty() by: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class CampaignDto implements CampaignView {
  @ApiProperty({ example: '2024/2025' }) period: string;
  @ApiProperty({ example: '2025-10-01' }) deadline: string;
  @ApiProperty() open: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty() openedBy: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) closedBy: string | null;
  @ApiProperty({ example: '2025-09-28', description: 'Today in the municipality’s time zone' }) today: string;
  @ApiProperty({ description: '0 on the deadline day, negative after it' }) daysLeft: number;
  @ApiProperty({ description: 'Reports expected at the account’s level' }) expected: number;
  @ApiProperty({ type: ReportStateCountsDto, description: 'Reports in each state' })
  counts: Record<ReportState, number>;
  @ApiProperty() onTime: number;
  @ApiProperty() late: number;
  @ApiProperty({ type: [CampaignChangeDto] }) history: CampaignChangeDto[];
}

class ReportSheetDto implements ReportSheetView {
  @ApiProperty({ enum: REQUIRED_SHEET_IDS }) sheet: SheetId;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) uploadedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstUploadedAt: string | null;
}

class ReportLastUploadDto {
  @ApiProperty() id: number;
  @ApiProperty() fileName: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: UploadOutcome;
  @ApiProperty({ type: [String] }) warnings: string[];
}

class ReportReviewDto implements ReviewView {
  @ApiProperty({ enum: DECISIONS }) decision: ReviewView['decision'];
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty() by: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ReportStatusDto implements ReportStatusView {
  @ApiProperty({ example: 'SCH01' }) org: string;
  @ApiProperty() name: string;
  @ApiProperty() type: string;
  @ApiProperty() municipality: string;
  @ApiProperty({ enum: REPORT_STATES }) state: ReportState;
  @ApiProperty({ description: 'false without a campaign' }) onTime: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Days late; null when not late' })
  late: number | null;
  @ApiProperty({ type: String, nullable: true, example: '2025-09-30' }) completedOn: string | null;
  @ApiProperty({ type: [ReportSheetDto] }) sheets: ReportSheetDto[];
  @ApiProperty({ type: ReportLastUploadDto, nullable: true }) lastUpload: ReportLastUploadDto | null;
  @ApiProperty({ type: ReportReviewDto, nullable: true }) review: ReportReviewDto | null;
}

export class ReportEventDto implements ReportEventView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() by: string;
  @ApiProperty({ enum: ['upload', 'accepted', 'returned'] }) kind: ReportEventView['kind'];
  @ApiProperty({ enum: REPORT_STATES, description: 'The state the report was left in' }) state: ReportState;
  @ApiProperty({ type: String, nullable: true, description: 'A decision’s comment, an upload’s reason' })
  comment: string | null;
  @ApiProperty({ type: Number, nullable: true }) uploadId: number | null;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
}

class BulkRefusalDto {
  @ApiProperty() org: string;
  @ApiProperty() message: string;
}

export class BulkReviewDto implements BulkReviewView {
  @ApiProperty({ type: [String] }) accepted: string[];
  @ApiProperty({ type: [BulkRefusalDto] }) refused: BulkRefusalDto[];
}
