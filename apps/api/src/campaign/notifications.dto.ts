import { ApiProperty } from '@nestjs/swagger';
import type { NotificationView } from '@profmonitor/domain';

const REASONS: readonly NotificationView['reason'][] = ['before-deadline', 'after-deadline', 'returned'];

export class NotificationDto implements NotificationView {
  @ApiProperty() id: number;
  @ApiProperty({ example: '2025/2026' }) period: string;
  @ApiProperty({ example: 'SCH01' }) organization: string;
  @ApiProperty({ enum: REASONS }) reason: NotificationView['reason'];
  @ApiProperty({ description: 'The reminder as the organization reads it (Russian)' }) message: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
