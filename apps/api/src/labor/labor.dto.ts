import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import type {
  DemandTrendPointView,
  DemandView,
  LaborDemandVersionView,
  ProfessionMappingView,
  RatioView,
} from '@profmonitor/domain';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { AreaGapDto, MunicipalityParameter, PeriodQueryDto } from '../indicators/indicators.dto';

const TERRITORIES = ['Город', 'Регион'] as const;

const MUNICIPALITY =
  'Whose graduates, in-demand areas and Город vacancies: a municipality; null: the region’s (several municipalities only)';

/** Whose graduates against which vacancies: GET /api/demand/trend (every period). */
export class DemandTrendQueryDto {
  @ApiPropertyOptional({
    enum: TERRITORIES,
    description: 'Without it: Город when the period has it, else Регион.',
  })
  @IsOptional()
  @IsIn(TERRITORIES, { message: 'Территория — «Город» или «Регион».' })
  territory?: (typeof TERRITORIES)[number];

  @ApiPropertyOptional({
    example: 'SCH01',
    description: 'One organization’s graduates instead of the city’s.',
  })
  @IsOptional()
  @Matches(/^[\p{L}\p{N}_.-]{1,32}$/u, {
    message: 'Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.',
  })
  org?: string;

  @MunicipalityParameter(
    'That municipality’s graduates, in-demand areas and Город vacancies (default: the account’s own; none: the region’s). With `org`: the organization’s municipality.',
  )
  municipality?: string;
}

/** GET /api/demand: one period. */
export class DemandQueryDto extends IntersectionType(PeriodQueryDto, DemandTrendQueryDto) {}

/** GET /api/demand/versions: one period, a municipality’s workbooks (its Город and Регион) or all. */
export class DemandVersionsQueryDto extends PeriodQueryDto {
  @MunicipalityParameter('Its Город workbooks and Регион’s (default: the account’s own; none: every one).')
  municipality?: string;
}

export class InDemandListDto {
  @ApiProperty({
    type: [String],
    nullable: true,
    example: ['16', '17', '33'],
    description: 'Area codes; null clears the list (the 5 % rule applies again).',
  })
  @ValidateIf((_, value) => value !== null)
  @IsArray({ message: 'areas — список кодов областей или null.' })
  // An empty list would leave no area in demand; null is how the 5 % rule comes back.
  @ArrayMinSize(1, { message: 'Укажите хотя бы одну область или null, чтобы вернуться к правилу 5 %.' })
  @ArrayMaxSize(40, { message: 'Областей в классификаторе меньше сорока.' })
  @IsString({ each: true, message: 'Код области — строка, например «06».' })
  areas: string[] | null;
}

export class NewMappingDto {
  @ApiPropertyOptional({ example: 'Продавец-консультант' })
  @IsOptional()
  @IsString({ message: 'Профессия — строка.' })
  @MaxLength(255, { message: 'Профессия — не длиннее 255 символов.' })
  profession?: string;

  @ApiPropertyOptional({ example: '17353' })
  @IsOptional()
  @IsString({ message: 'Код ОКПДТР — строка из пяти цифр.' })
  @MaxLength(32, { message: 'Код ОКПДТР — пять цифр.' })
  okpdtr?: string;

  @ApiProperty({ example: '33', description: 'An area code or name of the classifier.' })
  @IsString({ message: 'Укажите область профессиональной деятельности.' })
  @MaxLength(255, { message: 'Область — код или название из классификатора.' })
  area: string;
}

export class RatioDto implements RatioView {
  @ApiProperty({ type: Number, nullable: true }) value: number | null;
  @ApiProperty({ type: Number, nullable: true }) numerator: number | null;
  @ApiProperty({ type: Number, nullable: true }) denominator: number | null;
}

export class DemandDto implements DemandView {
  @ApiProperty() period: string;
  @ApiProperty({ enum: [...TERRITORIES, null], nullable: true }) territory: 'Город' | 'Регион' | null;
  @ApiProperty({ type: String, nullable: true }) date: string | null;
  @ApiProperty({ type: String, nullable: true }) org: string | null;
  @ApiProperty({ type: String, nullable: true, description: MUNICIPALITY }) municipality: string | null;
  @ApiProperty({ type: Number, nullable: true }) mismatch: number | null;
  @ApiProperty() graduates: number;
  @ApiProperty({ type: Number, nullable: true }) vacancies: number | null;
  @ApiProperty({ type: [AreaGapDto] }) areas: AreaGapDto[];
  @ApiProperty({ type: AreaGapDto, nullable: true }) surplus: AreaGapDto | null;
  @ApiProperty({ type: AreaGapDto, nullable: true }) deficit: AreaGapDto | null;
  @ApiProperty({ type: [String], nullable: true }) inDemandList: string[] | null;
  @ApiProperty({ enum: TERRITORIES, isArray: true }) territories: ('Город' | 'Регион')[];
  @ApiProperty({ type: RatioDto }) stayLocal: RatioDto;
}

export class DemandTrendPointDto implements DemandTrendPointView {
  @ApiProperty() period: string;
  @ApiProperty({ enum: [...TERRITORIES, null], nullable: true }) territory: 'Город' | 'Регион' | null;
  @ApiProperty({ type: String, nullable: true, description: MUNICIPALITY }) municipality: string | null;
  @ApiProperty({ type: String, nullable: true }) date: string | null;
  @ApiProperty({ type: Number, nullable: true }) mismatch: number | null;
  @ApiProperty() graduates: number;
  @ApiProperty({ type: Number, nullable: true }) vacancies: number | null;
  @ApiProperty({ type: RatioDto }) stayLocal: RatioDto;
}

export class LaborDemandVersionDto implements LaborDemandVersionView {
  @ApiProperty({ enum: TERRITORIES }) territory: 'Город' | 'Регион';
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Whose Город vacancies; null: Регион, or the only municipality’s',
  })
  municipality: string | null;
  @ApiProperty() date: string;
  @ApiProperty() version: number;
  @ApiProperty() current: boolean;
  @ApiProperty() vacancies: number;
  @ApiProperty() rows: number;
  @ApiProperty() uploadId: number;
  @ApiProperty() fileName: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}

export class ProfessionMappingDto implements ProfessionMappingView {
  @ApiProperty() id: number;
  @ApiProperty({ type: String, nullable: true }) profession: string | null;
  @ApiProperty({ type: String, nullable: true }) okpdtr: string | null;
  @ApiProperty() area: string;
  @ApiProperty() areaName: string;
}
