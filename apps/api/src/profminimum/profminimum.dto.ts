import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PROFMINIMUM_LEVELS,
  type ProfminimumGradeView,
  type ProfminimumLevel,
  type ProfminimumSchoolView,
  type ProfminimumView,
} from '@profmonitor/domain';
import { OrgPeriodQueryDto } from '../indicators/indicators.dto';

// Response classes implement the shared contract types of libs/domain (see indicators.dto.ts).

/** `org`: one school's; without it the schools of a municipality (default: the account's own level). */
export class ProfminimumQueryDto extends OrgPeriodQueryDto {}

export class ProfminimumGradeDto implements ProfminimumGradeView {
  @ApiProperty({ minimum: 6, maximum: 11, example: 8 })
  grade: number;

  @ApiProperty({ example: 50 })
  students: number;

  @ApiProperty({ enum: PROFMINIMUM_LEVELS, example: 'Основной' })
  level: ProfminimumLevel;

  @ApiProperty({ description: 'Students who took part in the grade’s programme this year', example: 48 })
  covered: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Students registered in «Билет в будущее»; null: not filled',
  })
  futureTicket: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Hours held this year; null: not filled',
  })
  hours: number | null;
}

export class ProfminimumSchoolDto implements ProfminimumSchoolView {
  @ApiProperty({ example: 'SCH01' })
  org: string;

  @ApiProperty({ example: 'Школа № 1' })
  name: string;

  @ApiProperty({ example: 'Зима' })
  municipality: string;

  @ApiProperty({ description: 'Whether the school sent the sheet for the period' })
  reported: boolean;

  @ApiProperty({ type: [ProfminimumGradeDto], description: 'By grade; empty when the sheet was not sent' })
  grades: ProfminimumGradeDto[];

  @ApiProperty({ description: 'It sent the sheet and teaches every grade at the basic level only' })
  basicOnly: boolean;
}

export class ProfminimumViewDto implements ProfminimumView {
  @ApiProperty({ example: '2023/2024' })
  period: string;

  @ApiProperty({ type: [ProfminimumSchoolDto], description: 'Sorted by name' })
  schools: ProfminimumSchoolDto[];
}
