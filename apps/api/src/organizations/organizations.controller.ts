import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../accounts/access.decorators';
import { OrganizationDto, PeriodDto, mapOrganization, mapPeriod } from './organizations.dto';
import { OrganizationsRepository } from './organizations.repository';

@ApiTags('organizations')
@Controller()
@SignedIn()
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsRepository) {}

  @Get('organizations')
  @ApiOkResponse({ type: [OrganizationDto] })
  async list(): Promise<OrganizationDto[]> {
    return (await this.organizations.findAll()).map(mapOrganization);
  }

  @Get('periods')
  @ApiOkResponse({ type: [PeriodDto] })
  async periods(): Promise<PeriodDto[]> {
    return (await this.organizations.findPeriods()).map(mapPeriod);
  }
}
