import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CycleAddresseeView,
  CycleAnalysisView,
  CycleCommentView,
  CycleDecisionView,
  CycleEffectivenessView,
  CycleGroupMoveView,
  CycleMeasureView,
  CyclePooledView,
  CycleRecommendationView,
} from '@profmonitor/domain';
import { IsIn, IsOptional, Matches, ValidateBy } from 'class-validator';
import {
  INDICATOR_IDS,
  LevelPeriodQueryDto,
  MunicipalityParameter,
  PeriodQueryDto,
} from '../indicators/indicators.dto';

// Requests of the management cycle, with their limits and Russian messages; responses implement
// the contract types of libs/domain.

/** The longest texts: an analysis is a page or two; the others a paragraph. */
export const CYCLE_LIMITS = {
  analysis: 20_000,
  text: 4000,
  comment: 2000,
  basis: 2000,
  responsible: 300,
  /** Organizations one recommendation or measure names. */
  orgs: 500,
} as const;

const CODE = /^[\p{L}\p{N}_.-]{1,32}$/u;
const CODE_MESSAGE = 'Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INDICATOR_MESSAGE = 'Показатель — идентификатор из списка показателей, например coverage_8_11.';

/** A text of 1 to `max` characters, not only spaces, with one message naming the field. */
function IsText(field: string, max: number): PropertyDecorator {
  const ok = (value: unknown) => typeof value === 'string' && value.trim().length > 0 && value.length <= max;
  return ValidateBy({
    name: 'isCycleText',
    validator: {
      validate: ok,
      defaultMessage: () => `${field} — текст от 1 до ${max} знаков.`,
    },
  });
}

/** A date YYYY-MM-DD (whether the day exists is checked by the service). */
function IsDate(field: string): PropertyDecorator {
  return Matches(DATE, { message: `${field} — дата в виде ГГГГ-ММ-ДД, например 2025-03-01.` });
}

/** A list of 1 to CYCLE_LIMITS.orgs organization codes, with one message for what is wrong. */
function IsOrgList(): PropertyDecorator {
  const problem = (value: unknown): string | undefined => {
    if (!Array.isArray(value)) return 'orgs — список кодов организаций.';
    if (value.length === 0) return 'Укажите хотя бы одну организацию.';
    if (value.length > CYCLE_LIMITS.orgs) return `Можно указать не больше ${CYCLE_LIMITS.orgs} организаций.`;
    if (!value.every((code) => typeof code === 'string' && CODE.test(code))) return CODE_MESSAGE;
    return undefined;
  };
  return ValidateBy({
    name: 'isOrgList',
    validator: {
      validate: (value) => problem(value) === undefined,
      defaultMessage: (args) => problem(args?.value) ?? '',
    },
  });
}

export class CycleLevelQueryDto extends LevelPeriodQueryDto {}

export class NewAnalysisDto {
  @ApiProperty({ maxLength: CYCLE_LIMITS.analysis })
  @IsText('Анализ', CYCLE_LIMITS.analysis)
  text: string;
}

export class RecommendationsQueryDto {
  @ApiPropertyOptional({ example: '2023/2024', description: 'Without it: every period.' })
  @IsOptional()
  @Matches(/^\s*\d{4}\s*[/\-–]\s*\d{4}\s*$/, { message: 'Учебный год указывается так: 2023/2024.' })
  period?: string;

  @MunicipalityParameter('That municipality’s (default: the account’s own level).')
  municipality?: string;
}

export class NewRecommendationDto extends PeriodQueryDto {
  @MunicipalityParameter('The level (default: the account’s own).')
  municipality?: string;

  @ApiProperty({ enum: INDICATOR_IDS })
  @IsIn(INDICATOR_IDS, { message: INDICATOR_MESSAGE })
  indicator: string;

  @ApiProperty({ maxLength: CYCLE_LIMITS.text })
  @IsText('Текст рекомендации', CYCLE_LIMITS.text)
  text: string;

  @ApiProperty({ example: '2025-03-01' })
  @IsDate('Срок исполнения')
  due: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: CYCLE_LIMITS.orgs })
  @IsOrgList()
  orgs: string[];
}

export class NewAnswerDto {
  @ApiProperty({ maxLength: CYCLE_LIMITS.text, description: 'What the organization did.' })
  @IsText('Ответ', CYCLE_LIMITS.text)
  text: string;
}

export class NewMeasureDto extends PeriodQueryDto {
  @MunicipalityParameter('The level (default: the account’s own).')
  municipality?: string;

  @ApiProperty({ maxLength: CYCLE_LIMITS.text })
  @IsText('Мероприятие', CYCLE_LIMITS.text)
  text: string;

  @ApiProperty({ example: '2025-03-01' })
  @IsDate('Дата мероприятия')
  from: string;

  @ApiPropertyOptional({ example: '2025-03-15', description: 'The last day of a range.' })
  @IsOptional()
  @IsDate('Дата окончания')
  until?: string;

  @ApiProperty({ maxLength: CYCLE_LIMITS.responsible })
  @IsText('Ответственный', CYCLE_LIMITS.responsible)
  responsible: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: CYCLE_LIMITS.orgs })
  @IsOrgList()
  orgs: string[];
}

export class NewDecisionDto extends PeriodQueryDto {
  @MunicipalityParameter('The level (default: the account’s own).')
  municipality?: string;

  @ApiProperty({ maxLength: CYCLE_LIMITS.text })
  @IsText('Текст решения', CYCLE_LIMITS.text)
  text: string;

  @ApiProperty({ example: '2025-03-01' })
  @IsDate('Дата решения')
  date: string;

  @ApiProperty({ maxLength: CYCLE_LIMITS.basis })
  @IsText('Основание решения', CYCLE_LIMITS.basis)
  basis: string;
}

export class CommentsQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: INDICATOR_IDS, description: 'Without it: every indicator.' })
  @IsOptional()
  @IsIn(INDICATOR_IDS, { message: INDICATOR_MESSAGE })
  indicator?: string;
}

export class NewCommentDto extends PeriodQueryDto {
  @ApiProperty({ enum: INDICATOR_IDS })
  @IsIn(INDICATOR_IDS, { message: INDICATOR_MESSAGE })
  indicator: string;

  @ApiPropertyOptional({ example: 'SCH01', description: 'An organization’s value; without it a pooled one.' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  org?: string;

  @MunicipalityParameter('The pooled level’s (default: the account’s own); ignored with `org`.')
  municipality?: string;

  @ApiProperty({ maxLength: CYCLE_LIMITS.comment })
  @IsText('Комментарий', CYCLE_LIMITS.comment)
  text: string;
}

export class CycleAnalysisDto implements CycleAnalysisView {
  @ApiProperty() period: string;
  @ApiProperty({ type: String, nullable: true }) municipality: string | null;
  @ApiProperty() indicator: string;
  @ApiProperty() text: string;
  @ApiProperty() writtenBy: string;
  @ApiProperty({ format: 'date-time' }) writtenAt: string;
  @ApiProperty({ type: 'integer' }) earlierVersions: number;
}

class CycleAnswerDto {
  @ApiProperty() text: string;
  @ApiProperty() answeredBy: string;
  @ApiProperty({ format: 'date-time' }) answeredAt: string;
}

class CycleAddresseeDto implements CycleAddresseeView {
  @ApiProperty() org: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: CycleAnswerDto, nullable: true }) answer: CycleAnswerDto | null;
}

export class CycleRecommendationDto implements CycleRecommendationView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() period: string;
  @ApiProperty({ type: String, nullable: true }) municipality: string | null;
  @ApiProperty() indicator: string;
  @ApiProperty() text: string;
  @ApiProperty() due: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [CycleAddresseeDto] }) addressees: CycleAddresseeDto[];
}

export class CycleMeasureDto implements CycleMeasureView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() period: string;
  @ApiProperty({ type: String, nullable: true }) municipality: string | null;
  @ApiProperty() text: string;
  @ApiProperty() from: string;
  @ApiProperty({ type: String, nullable: true }) until: string | null;
  @ApiProperty() responsible: string;
  @ApiProperty({ type: [String] }) orgs: string[];
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CycleDecisionDto implements CycleDecisionView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() period: string;
  @ApiProperty({ type: String, nullable: true }) municipality: string | null;
  @ApiProperty() text: string;
  @ApiProperty() date: string;
  @ApiProperty() basis: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CycleCommentDto implements CycleCommentView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() period: string;
  @ApiProperty() indicator: string;
  @ApiProperty({ type: String, nullable: true }) org: string | null;
  @ApiProperty({ type: String, nullable: true }) municipality: string | null;
  @ApiProperty() text: string;
  @ApiProperty() author: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

class CyclePooledDto implements CyclePooledView {
  @ApiProperty({ type: 'integer' }) organizations: number;
  @ApiProperty({ type: Number, nullable: true }) numerator: number | null;
  @ApiProperty({ type: Number, nullable: true }) denominator: number | null;
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
}

class CycleGroupMoveDto implements CycleGroupMoveView {
  @ApiProperty({ type: CyclePooledDto }) before: CyclePooledDto;
  @ApiProperty({ type: CyclePooledDto, nullable: true }) after: CyclePooledDto | null;
  @ApiProperty({ type: Number, nullable: true }) change: number | null;
}

export class CycleEffectivenessDto implements CycleEffectivenessView {
  @ApiProperty({ type: 'integer' }) recommendation: number;
  @ApiProperty() indicator: string;
  @ApiProperty() period: string;
  @ApiProperty({ type: String, nullable: true }) nextPeriod: string | null;
  @ApiProperty({ type: CycleGroupMoveDto }) addressed: CycleGroupMoveDto;
  @ApiProperty({ type: CycleGroupMoveDto }) others: CycleGroupMoveDto;
}
