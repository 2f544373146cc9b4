import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { homeMunicipality } from '../accounts/access-policy';
import { Allow, CurrentUser } from '../accounts/access.decorators';
import type { Principal } from '../accounts/principal';
import { AuditEntryDto, AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('region', 'committee')
  @ApiOperation({
    summary: 'The audit log, newest first (a bound committee: its municipality’s accounts’ actions)',
  })
  @ApiOkResponse({ type: [AuditEntryDto] })
  list(@Query() query: AuditQueryDto, @CurrentUser() user: Principal) {
    return this.audit.list(query.limit, query.before, homeMunicipality(user));
  }
}
