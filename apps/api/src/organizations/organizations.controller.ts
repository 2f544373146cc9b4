import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser, SignedIn } from '../accounts/access.decorators';
import type { Principal } from '../accounts/principal';
import { ApiErrors } from '../common/openapi';
import {
  OrganizationChangeDto,
  OrganizationChangeEntryDto,
  OrganizationDto,
  PeriodDto,
  RegistryChangesPastErrorDto,
  mapOrganization,
  mapPeriod,
} from './organizations.dto';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Controller()
@SignedIn()
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly service: OrganizationsService,
  ) {}

  @Get('organizations')
  @ApiOperation({ summary: 'The registry of organizations' })
  @ApiOkResponse({ type: [OrganizationDto] })
  async list(): Promise<OrganizationDto[]> {
    return (await this.organizations.findAll()).map(mapOrganization);
  }

  @Patch('organizations/:code')
  @Allow('committee')
  @ApiOperation({
    summary: 'Edit or retire (activeTo) an organization; 409 lists past periods it changes until confirm',
  })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiErrors('empty_change', 'organization_not_found')
  @ApiErrors('registry_changes_past', { body: RegistryChangesPastErrorDto })
  update(@Param('code') code: string, @Body() body: OrganizationChangeDto, @CurrentUser() user: Principal) {
    return this.service.update(code, body, user);
  }

  @Get('organizations/:code/history')
  @Allow('committee')
  @ApiOperation({ summary: 'The changes of an organization, newest first, with previous values' })
  @ApiOkResponse({ type: [OrganizationChangeEntryDto] })
  @ApiErrors('organization_not_found')
  history(@Param('code') code: string) {
    return this.service.history(code);
  }

  @Get('periods')
  @ApiOperation({ summary: 'The periods (school years) with data' })
  @ApiOkResponse({ type: [PeriodDto] })
  async periods(): Promise<PeriodDto[]> {
    return (await this.organizations.findPeriods()).map(mapPeriod);
  }
}
