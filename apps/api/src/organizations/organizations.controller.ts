import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { seesMunicipality } from '../accounts/access-policy';
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
  @ApiOperation({ summary: 'The registry of organizations (an account bound to a municipality: its own)' })
  @ApiOkResponse({ type: [OrganizationDto] })
  async list(@CurrentUser() user: Principal): Promise<OrganizationDto[]> {
    return (await this.organizations.findAll())
      .filter((o) => seesMunicipality(user, o.municipality))
      .map(mapOrganization);
  }

  @Patch('organizations/:code')
  @Allow('region', 'committee')
  @ApiOperation({
    summary: 'Edit or retire (activeTo) an organization; 409 lists past periods it changes until confirm',
  })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiErrors('empty_change', 'organization_not_found', 'organization_forbidden', 'municipality_forbidden')
  @ApiErrors('registry_changes_past', { body: RegistryChangesPastErrorDto })
  update(@Param('code') code: string, @Body() body: OrganizationChangeDto, @CurrentUser() user: Principal) {
    return this.service.update(code, body, user);
  }

  @Get('organizations/:code/history')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'The changes of an organization, newest first, with previous values' })
  @ApiOkResponse({ type: [OrganizationChangeEntryDto] })
  @ApiErrors('organization_not_found', 'organization_forbidden')
  history(@Param('code') code: string, @CurrentUser() user: Principal) {
    return this.service.history(code, user);
  }

  @Get('periods')
  @ApiOperation({ summary: 'The periods (school years) with data' })
  @ApiOkResponse({ type: [PeriodDto] })
  async periods(): Promise<PeriodDto[]> {
    return (await this.organizations.findPeriods()).map(mapPeriod);
  }
}
