import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type AuditAction, type AuditEntryView, type Role } from '@profmonitor/domain';
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

// Every action of the contract's union, checked complete at compile time.
const AUDIT_ACTIONS = Object.keys({
  login: 0,
  'login-failed': 0,
  logout: 0,
  'password-change': 0,
  upload: 0,
  'registry-import': 0,
  'organization-update': 0,
  'target-change': 0,
  'account-create': 0,
  'account-update': 0,
  'in-demand-change': 0,
  'profession-add': 0,
  'campaign-open': 0,
  'campaign-deadline': 0,
  'campaign-close': 0,
  'campaign-reopen': 0,
  'review-accept': 0,
  'review-return': 0,
  reminder: 0,
  'cycle-analysis': 0,
  'cycle-recommendation': 0,
  'cycle-answer': 0,
  'cycle-measure': 0,
  'cycle-decision': 0,
  'cycle-comment': 0,
} satisfies Record<AuditAction, 0>);

export class AuditEntryDto implements AuditEntryView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: an anonymous attempt' }) actor:
    string | null;
  @ApiProperty({ enum: [...ROLES, null], nullable: true }) role: Role | null;
  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction', description: 'What was done' })
  action: AuditAction;
  @ApiProperty({ type: String, nullable: true }) target: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}
