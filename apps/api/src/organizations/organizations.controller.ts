import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../accounts/access.decorators';
import { OrganizationDto, PeriodDto, mapOrganization, mapPeriod } from './organizations.dto';
import { OrganizationsRepository } from './organizations.repository';

@ApiTags('organizations')
@Controller()
@SignedIn()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsRepository) {}

  @Get('organizations')
  @ApiOperation({ summary: 'The registry of organizations' })
  @ApiOkResponse({ type: [OrganizationDto] })
  async list(): Promise<OrganizationDto[]> {
    return (await this.organizations.findAll()).map(mapOrganization);
  }

  @Get('periods')
  @ApiOperation({ summary: 'The periods (school years) with data' })
  @ApiOkResponse({ type: [PeriodDto] })
  async periods(): Promise<PeriodDto[]> {
    return (await this.organizations.findPeriods()).map(mapPeriod);
  }
}
