import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { UploadKind, UploadOutcome, UploadView } from '@profmonitor/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { UploadsService } from './uploads.service';

// The values the contract's unions allow (a value outside them fails the type check).
const UPLOAD_KINDS = ['school', 'vacancies', 'registry', 'unknown'] as const satisfies readonly UploadKind[];
const UPLOAD_OUTCOMES = [
  'accepted',
  'partial',
  'rejected',
  'duplicate',
] as const satisfies readonly UploadOutcome[];

export class UploadsQueryDto {
  @ApiPropertyOptional({ example: 'SCH01' })
  @IsOptional()
  @Matches(/^[\p{L}\p{N}_.-]{1,32}$/u, {
    message: 'Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.',
  })
  org?: string;

  @ApiPropertyOptional({ example: '2023/2024' })
  @IsOptional()
  @Matches(/^\s*\d{4}\s*[/\-–]\s*\d{4}\s*$/, { message: 'Учебный год указывается так: 2023/2024.' })
  period?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit — целое число от 1 до 500.' })
  @Min(1, { message: 'limit — целое число от 1 до 500.' })
  @Max(500, { message: 'limit — целое число от 1 до 500.' })
  limit?: number;
}

export class UploadDto implements UploadView {
  @ApiProperty() id: number;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: UPLOAD_KINDS }) kind: UploadKind;
  @ApiProperty({ enum: UPLOAD_OUTCOMES }) outcome: UploadOutcome;
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty({ type: String, nullable: true }) period: string | null;
  @ApiProperty() uploadedBy: string;
  @ApiProperty() uploadedAt: string;
  @ApiProperty() sha256: string;
  @ApiProperty() size: number;
  @ApiProperty() errorCount: number;
  @ApiProperty() warningCount: number;
}

@ApiTags('uploads')
@Controller('uploads')
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Get()
  @ApiOkResponse({ type: [UploadDto] })
  list(@Query() query: UploadsQueryDto) {
    return this.uploads.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UploadDto, description: 'With `result`: the full list of errors and warnings' })
  get(@Param('id', ParseIntPipe) id: number) {
    return this.uploads.get(id);
  }
}
