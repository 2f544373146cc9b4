import { ApiProperty } from '@nestjs/swagger';

export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ example: '0.1.0' }) version: string;
  @ApiProperty({ type: 'integer', description: 'Organizations in the registry' }) organizations: number;
  @ApiProperty({ type: [String], example: ['2023/2024'], description: 'Periods with data' })
  periods: string[];
}
