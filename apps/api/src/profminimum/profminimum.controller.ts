import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../accounts/access.decorators';
import type { Principal } from '../accounts/principal';
import { ApiErrors } from '../common/openapi';
import { ProfminimumQueryDto, ProfminimumViewDto } from './profminimum.dto';
import { ProfminimumService } from './profminimum.service';

@ApiTags('indicators')
@Controller()
export class ProfminimumController {
  constructor(private readonly profminimum: ProfminimumService) {}

  @Get('profminimum')
  @SignedIn()
  @ApiOperation({
    summary: 'The career guidance minimum school by school: levels by grade, who is at the basic level only',
    description:
      'Every active school of the level (or the one `org`), each with its current `Профминимум` sheet. A school account gets its own school; the employment center no school.',
  })
  @ApiOkResponse({ type: ProfminimumViewDto })
  @ApiErrors(
    'organization_forbidden',
    'period_not_found',
    'organization_not_found',
    'municipality_not_found',
    'municipality_forbidden',
  )
  view(@Query() query: ProfminimumQueryDto, @CurrentUser() user: Principal) {
    return this.profminimum.view(query, user);
  }
}
