import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditAction, AuditEntryView, Role } from '@profmonitor/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit — целое число от 1 до 1000.' })
  @Min(1, { message: 'limit — целое число от 1 до 1000.' })
  @Max(1000, { message: 'limit — целое число от 1 до 1000.' })
  limit?: number;

  @ApiPropertyOptional({ description: 'Entries older than this id (paging back).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'before — номер записи журнала.' })
  @Min(1, { message: 'before — номер записи журнала.' })
  before?: number;
}

export class AuditEntryDto implements AuditEntryView {
  @ApiProperty() id: number;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) actor: string | null;
  @ApiProperty({ type: String, nullable: true }) role: Role | null;
  @ApiProperty() action: AuditAction;
  @ApiProperty({ type: String, nullable: true }) target: string | null;
  @ApiProperty({ type: Object }) details: Record<string, unknown>;
}
