import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ORGANIZATION_TYPES,
  type FieldChangeView,
  type OrganizationChange,
  type OrganizationChangeView,
  type OrganizationFields,
  type OrganizationView,
  type PastPeriodChangeView,
} from '@profmonitor/domain';
import { IsBoolean, IsIn, IsOptional, IsString } from 'class-validator';
import { ErrorDto } from '../common/error.dto';
import type { OrganizationChangeEntity } from './organization-change.entity';
import type { OrganizationEntity } from './organization.entity';
import type { PeriodEntity } from './period.entity';

export class OrganizationDto implements OrganizationView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'What charts show; null: the name' })
  shortName: string | null;
  @ApiProperty({ enum: ORGANIZATION_TYPES }) type: string;
  @ApiProperty() municipality: string;
  @ApiProperty({ nullable: true, type: String, description: 'First period it reports for' }) activeFrom:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Last period it reports for' }) activeTo:
    string | null;
}

export class PeriodDto {
  @ApiProperty({ example: '2023/2024' }) code: string;
  @ApiProperty({ example: '2023-09-01' }) startsOn: string;
  @ApiProperty({ example: '2024-08-31' }) endsOn: string;
}

export const periodCode = (startYear: number | null) =>
  startYear === null ? null : `${startYear}/${startYear + 1}`;

export const mapOrganization = (
  o: Pick<
    OrganizationEntity,
    'code' | 'name' | 'shortName' | 'type' | 'municipality' | 'activeFromYear' | 'activeToYear'
  >,
): OrganizationDto => ({
  code: o.code,
  name: o.name,
  shortName: o.shortName,
  type: o.type,
  municipality: o.municipality,
  activeFrom: periodCode(o.activeFromYear),
  activeTo: periodCode(o.activeToYear),
});

export const mapPeriod = (p: PeriodEntity): PeriodDto => ({
  code: p.code,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
});

const TEXT = 'Значение — строка.';

/** A change of an organization: any of its fields; null clears an optional one. */
export class OrganizationChangeDto implements OrganizationChange {
  @ApiPropertyOptional() @IsOptional() @IsString({ message: TEXT }) name?: string;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString({ message: TEXT })
  shortName?: string | null;
  @ApiPropertyOptional({ enum: ORGANIZATION_TYPES }) @IsOptional() @IsString({ message: TEXT }) type?: string;
  @ApiPropertyOptional() @IsOptional() @IsString({ message: TEXT }) municipality?: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2023/2024' })
  @IsOptional()
  @IsString({ message: TEXT })
  activeFrom?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2024/2025', description: 'Retires it' })
  @IsOptional()
  @IsString({ message: TEXT })
  activeTo?: string | null;
  @ApiPropertyOptional({ description: 'Store even though periods with loaded reports change' })
  @IsOptional()
  @IsBoolean({ message: 'confirm — true или false.' })
  confirm?: boolean;
}

/** The fields the committee sets, in the order forms and histories show them. */
export const ORGANIZATION_FIELDS: (keyof OrganizationFields)[] = [
  'name',
  'shortName',
  'type',
  'municipality',
  'activeFrom',
  'activeTo',
];

export class FieldChangeDto implements FieldChangeView {
  @ApiProperty({ enum: ORGANIZATION_FIELDS }) field: keyof OrganizationFields;
  @ApiProperty({ nullable: true, type: String }) before: string | null;
  @ApiProperty({ nullable: true, type: String }) after: string | null;
}

export class OrganizationChangeEntryDto implements OrganizationChangeView {
  @ApiProperty() at: string;
  @ApiProperty() by: string;
  @ApiProperty({ enum: ['edit', 'registry'] }) source: 'edit' | 'registry';
  @ApiProperty({ type: [FieldChangeDto] }) changes: FieldChangeDto[];
}

export class PastPeriodChangeDto implements PastPeriodChangeView {
  @ApiProperty({ example: '2022/2023' }) period: string;
  @ApiProperty() expectedBefore: number;
  @ApiProperty() expectedAfter: number;
  @ApiProperty({ nullable: true, type: Number }) completenessBefore: number | null;
  @ApiProperty({ nullable: true, type: Number }) completenessAfter: number | null;
  @ApiProperty({ type: [String] }) added: string[];
  @ApiProperty({ type: [String] }) removed: string[];
  @ApiProperty() message: string;
}

/** registry_changes_past: the periods with loaded reports the change would rewrite. */
export class RegistryChangesPastErrorDto extends ErrorDto {
  @ApiProperty({ type: [PastPeriodChangeDto] }) periods: PastPeriodChangeDto[];
}

export const mapOrganizationChange = (c: OrganizationChangeEntity): OrganizationChangeEntryDto => ({
  at: c.at.toISOString(),
  by: c.by,
  source: c.source,
  changes: c.changes,
});

/** POST /api/registry?confirm=true: store a registry that changes past periods (see registry_changes_past). */
export class RegistryUploadQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Store even though past periods change' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'confirm — true или false.' })
  confirm?: 'true' | 'false';
}
