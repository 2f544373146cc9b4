import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../accounts/access.decorators';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { HealthDto } from './health.dto';
// The product's version is the repository's, however the server is started (npm or node).
import { version } from '../../../../package.json';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly organizations: OrganizationsRepository) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The server is up: its version, the registry size and the periods' })
  @ApiOkResponse({ type: HealthDto })
  async health(): Promise<HealthDto> {
    const [organizations, periods] = await Promise.all([
      this.organizations.findAll(),
      this.organizations.findPeriods(),
    ]);
    return {
      status: 'ok',
      version,
      organizations: organizations.length,
      periods: periods.map((p) => p.code),
    };
  }
}
