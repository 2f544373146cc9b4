import { ApiProperty } from '@nestjs/swagger';
import type { OrganizationEntity } from './organization.entity';
import type { PeriodEntity } from './period.entity';

export class OrganizationDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['Школа', 'Колледж', 'Дополнительное образование'] }) type: string;
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

const periodCode = (startYear: number | null) =>
  startYear === null ? null : `${startYear}/${startYear + 1}`;

export const mapOrganization = (o: OrganizationEntity): OrganizationDto => ({
  code: o.code,
  name: o.name,
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
