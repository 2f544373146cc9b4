import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../accounts/access.decorators';
import { OrganizationsRepository } from '../organizations/organizations.repository';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly organizations: OrganizationsRepository) {}

  @Get()
  @Public()
  async health() {
    const [organizations, periods] = await Promise.all([
      this.organizations.findAll(),
      this.organizations.findPeriods(),
    ]);
    return {
      status: 'ok',
      version: process.env.npm_package_version ?? '0.1.0',
      organizations: organizations.length,
      periods: periods.map((p) => p.code),
    };
  }
}
