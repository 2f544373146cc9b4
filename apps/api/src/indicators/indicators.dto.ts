import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AreaGapView,
  CompletenessSheetView,
  CompletenessView,
  ContributorView,
  DestinationLinkView,
  ExplanationRowView,
  ExplanationRowsView,
  ExplanationView,
  IndicatorDefinitionView,
  IndicatorId,
  IndicatorValueView,
  MunicipalityPartView,
  SheetId,
  Status,
  Target,
  TargetView,
  TimelinessReportView,
} from '@profmonitor/domain';
import { INDICATORS, REQUIRED_SHEET_IDS, SHEET_IDS } from '@profmonitor/domain';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

// Response classes implement the shared contract types of libs/domain: they document the API
// (OpenAPI) and fail the type check if the contract and the documentation drift apart.

export const INDICATOR_IDS = INDICATORS.map((i) => i.id);
/** The sheets completeness is counted for (the required ones: an optional sheet is no gap). */
const SHEETS = REQUIRED_SHEET_IDS;
const STATUSES = ['достигнуто', 'не достигнуто', 'нет данных'] as const satisfies readonly Status[];
const PERIOD = /^\s*\d{4}\s*[/\-–]\s*\d{4}\s*$/;
const CODE = /^[\p{L}\p{N}_.-]{1,32}$/u;
const PERIOD_MESSAGE = 'Учебный год указывается так: 2023/2024.';
const CODE_MESSAGE = 'Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.';

const MUNICIPALITY_MESSAGE = 'Муниципалитет — его название из реестра, до 200 знаков.';

/** A municipality of the registry, by name (any case); checked against the registry by the service. */
export function MunicipalityParameter(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example: 'Зима', description }),
    IsOptional(),
    IsString({ message: MUNICIPALITY_MESSAGE }),
    Length(1, 200, { message: MUNICIPALITY_MESSAGE }),
  );
}

export class PeriodQueryDto {
  @ApiProperty({ example: '2023/2024' })
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period: string;
}

export class LevelPeriodQueryDto extends PeriodQueryDto {
  @MunicipalityParameter('That municipality’s (default: the account’s own level).')
  municipality?: string;
}

export class ValuesQueryDto {
  @ApiPropertyOptional({ example: '2023/2024', description: 'Without it: every period.' })
  @IsOptional()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period?: string;

  @ApiPropertyOptional({
    example: 'SCH01',
    description:
      'An organization code; `municipal`: the pooled values of one level (the `municipality`, else the account’s own: its municipality, or the region); `municipalities`: every pooled level (each municipality’s and the region’s). Without it: all.',
  })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  org?: string;

  @MunicipalityParameter(
    'With `org=municipal`: that municipality’s pooled values; without `org`: its organizations’ and its pooled values.',
  )
  municipality?: string;

  @ApiPropertyOptional({ enum: INDICATOR_IDS })
  @IsOptional()
  @IsIn(INDICATOR_IDS, { message: 'Такого показателя нет.' })
  indicator?: string;
}

export class ExplanationQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ example: 'SCH01', description: 'Without it: the municipal value.' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  org?: string;

  @MunicipalityParameter(
    'Without `org`: that municipality’s pooled value (default: the account’s own level).',
  )
  municipality?: string;

  @ApiPropertyOptional({ enum: SHEETS, description: 'Completeness only: the sheet.' })
  @IsOptional()
  @IsIn(SHEETS, { message: 'Такого листа нет.' })
  sheet?: string;
}

export class OrgPeriodQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ example: 'SCH01', description: 'Without it: a pooled level’s.' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  org?: string;

  @MunicipalityParameter('Without `org`: that municipality’s (default: the account’s own level).')
  municipality?: string;
}

/** How many rows behind a value one answer lists at most; the total is always told. */
export const ROWS_LIMIT_DEFAULT = 500;
export const ROWS_LIMIT_MAX = 5000;
const ROWS_LIMIT_MESSAGE = `limit — целое число от 1 до ${ROWS_LIMIT_MAX}.`;

export class RowsQueryDto extends OrgPeriodQueryDto {
  @ApiPropertyOptional({ default: ROWS_LIMIT_DEFAULT, minimum: 1, maximum: ROWS_LIMIT_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: ROWS_LIMIT_MESSAGE })
  @Min(1, { message: ROWS_LIMIT_MESSAGE })
  @Max(ROWS_LIMIT_MAX, { message: ROWS_LIMIT_MESSAGE })
  limit?: number;
}

export class TargetDto {
  @ApiProperty({ enum: ['atLeast', 'growth', 'decrease', 'none'] })
  @IsIn(['atLeast', 'growth', 'decrease', 'none'], {
    message: 'Вид цели: atLeast, growth, decrease или none.',
  })
  kind: Target['kind'];

  @ApiPropertyOptional({ example: 0.8, description: 'For atLeast: a fraction 0..1.' })
  @ValidateIf((o: TargetDto) => o.kind === 'atLeast')
  @Type(() => Number)
  @IsNumber({}, { message: 'Порог — число от 0 до 1.' })
  @Min(0, { message: 'Порог — число от 0 до 1.' })
  @Max(1, { message: 'Порог — число от 0 до 1.' })
  threshold?: number;
}

class TargetSchema {
  @ApiProperty({ enum: ['atLeast', 'growth', 'decrease', 'none'] }) kind: string;
  @ApiPropertyOptional() threshold?: number;
}

export class IndicatorDefinitionDto implements IndicatorDefinitionView {
  @ApiProperty({ enum: INDICATOR_IDS }) id: IndicatorId;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['ratio', 'mismatch', 'timeliness', 'completeness'] })
  kind: IndicatorDefinitionView['kind'];
  @ApiProperty() numeratorText: string;
  @ApiProperty() denominatorText: string;
  @ApiProperty() source: string;
  @ApiProperty({ type: TargetSchema }) defaultTarget: Target;
}

export class IndicatorValueDto implements IndicatorValueView {
  @ApiProperty({ enum: INDICATOR_IDS }) id: IndicatorId;
  @ApiProperty({ type: String, nullable: true, description: 'null: a pooled value' }) org: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The organization's municipality or the pooled value's; null: the region",
  })
  municipality: string | null;
  @ApiProperty() period: string;
  @ApiProperty({ enum: [...SHEETS, null], nullable: true, description: 'Completeness only' })
  sheet: SheetId | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Fraction 0..1, not rounded' }) value:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) numerator: number | null;
  @ApiProperty({ type: Number, nullable: true }) denominator: number | null;
  @ApiProperty({ type: TargetSchema }) target: Target;
  @ApiProperty({ enum: [...STATUSES, null], nullable: true }) status: Status | null;
  @ApiProperty({ type: Number, nullable: true }) previous: number | null;
  @ApiProperty({ type: Number, nullable: true }) change: number | null;
}

export class ContributorDto implements ContributorView {
  @ApiProperty() org: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true }) numerator: number | null;
  @ApiProperty({ type: Number, nullable: true }) denominator: number | null;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) uploadId: number | null;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
}

/** One area of the labor-demand table (GET /api/demand, and the mismatch index's explanation). */
export class AreaGapDto implements AreaGapView {
  @ApiProperty() area: string;
  @ApiProperty() name: string;
  @ApiProperty() graduates: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: no labor demand for the period' })
  vacancies: number | null;
  @ApiProperty({ type: Number, nullable: true }) graduatesShare: number | null;
  @ApiProperty({ type: Number, nullable: true }) vacanciesShare: number | null;
  @ApiProperty({ type: Number, nullable: true }) gap: number | null;
  @ApiProperty() inDemand: boolean;
}

export class MunicipalityPartDto implements MunicipalityPartView {
  @ApiProperty() municipality: string;
  @ApiProperty({ type: Number, nullable: true }) numerator: number | null;
  @ApiProperty({ type: Number, nullable: true }) denominator: number | null;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
}

export class TimelinessReportDto implements TimelinessReportView {
  @ApiProperty() org: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: "Every required sheet's first accepted version on or before the deadline" })
  onTime: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Days late; null when not late' })
  late: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM-DD the report became complete' })
  completedOn: string | null;
}

class MissingOrganizationDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class ExplanationDto extends IndicatorValueDto implements ExplanationView {
  @ApiProperty() name: string;
  @ApiProperty() numeratorText: string;
  @ApiProperty() denominatorText: string;
  @ApiProperty({ type: [ContributorDto] }) contributors: ContributorView[];
  @ApiProperty({ type: [MunicipalityPartDto] }) municipalities: MunicipalityPartView[];
  @ApiProperty({ type: [AreaGapDto], nullable: true }) areas: AreaGapView[] | null;
  @ApiProperty() hasRows: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: "Timeliness: the campaign's deadline" })
  deadline?: string | null;
  @ApiPropertyOptional({
    type: [TimelinessReportDto],
    description: "Timeliness: each organization's report against the deadline",
  })
  reports?: TimelinessReportView[];
  @ApiPropertyOptional({
    type: [MissingOrganizationDto],
    description:
      "An optional sheet's indicator (Профминимум), a municipality's value: the organizations the sheet applies to that did not send it (no value, not 0), by name",
  })
  notReporting?: { code: string; name: string }[];
}

export class ExplanationRowDto implements ExplanationRowView {
  @ApiProperty() org: string;
  @ApiProperty({ enum: SHEET_IDS }) sheet: SheetId;
  @ApiProperty() excelRow: number;
  @ApiProperty() uploadId: number;
  @ApiProperty() fileName: string;
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) cells: Record<
    string,
    string | number | boolean | null
  >;
}

export class ExplanationRowsDto implements ExplanationRowsView {
  @ApiProperty({ description: 'How many rows stand behind the value, shown or not' }) total: number;
  @ApiProperty({ type: [ExplanationRowDto], description: 'The first `limit` of them' })
  rows: ExplanationRowView[];
}

export class CompletenessSheetDto implements CompletenessSheetView {
  @ApiProperty({ enum: SHEETS }) sheet: SheetId;
  @ApiProperty() name: string;
  @ApiProperty() reported: number;
  @ApiProperty() expected: number;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: [MissingOrganizationDto] }) missing: { code: string; name: string }[];
}

export class CompletenessDto implements CompletenessView {
  @ApiProperty() period: string;
  @ApiProperty({ type: [CompletenessSheetDto] }) sheets: CompletenessSheetView[];
}

export class TargetViewDto implements TargetView {
  @ApiProperty({ enum: INDICATOR_IDS }) id: IndicatorId;
  @ApiProperty() period: string;
  @ApiProperty({ type: TargetSchema }) target: Target;
  @ApiProperty() custom: boolean;
  @ApiProperty({ type: String, nullable: true }) setBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) setAt: string | null;
}

export class DestinationLinkDto implements DestinationLinkView {
  @ApiProperty() source: string;
  @ApiProperty() target: string;
  @ApiProperty() value: number;
}
