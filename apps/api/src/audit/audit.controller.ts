import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../accounts/access.decorators';
import { AuditEntryDto, AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('committee')
  @ApiOperation({ summary: 'The audit log, newest first' })
  @ApiOkResponse({ type: [AuditEntryDto] })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query.limit, query.before);
  }
}
