import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertMunicipality, assertOrganization, homeMunicipality } from '../accounts/access-policy';
import { Allow, CurrentUser, SignedIn } from '../accounts/access.decorators';
import type { Principal } from '../accounts/principal';
import { ApiErrors } from '../common/openapi';
import { PeriodQueryDto } from '../indicators/indicators.dto';
import { DemandService } from './demand.service';
import {
  DemandDto,
  DemandQueryDto,
  DemandTrendPointDto,
  DemandTrendQueryDto,
  DemandVersionsQueryDto,
  InDemandListDto,
  LaborDemandVersionDto,
  NewMappingDto,
  ProfessionMappingDto,
} from './labor.dto';
import { ProfessionsService } from './professions.service';

@ApiTags('labor demand')
@Controller()
export class LaborController {
  constructor(
    private readonly demand: DemandService,
    private readonly professions: ProfessionsService,
  ) {}

  @Get('demand')
  @SignedIn()
  @ApiOperation({ summary: 'Labor demand against graduates’ choices per area, and the mismatch index' })
  @ApiOkResponse({ type: DemandDto })
  @ApiErrors(
    'organization_forbidden',
    'municipality_forbidden',
    'period_not_found',
    'organization_not_found',
    'municipality_not_found',
  )
  table(@Query() query: DemandQueryDto, @CurrentUser() user: Principal) {
    assertOrganization(user, query.org);
    assertMunicipality(user, query.municipality);
    return this.demand.table(query.period, { ...query, home: homeMunicipality(user) });
  }

  @Get('demand/trend')
  @SignedIn()
  @ApiOperation({ summary: 'The mismatch index and the share staying in the city over the periods' })
  @ApiOkResponse({ type: [DemandTrendPointDto] })
  @ApiErrors(
    'organization_forbidden',
    'municipality_forbidden',
    'organization_not_found',
    'municipality_not_found',
  )
  trend(@Query() query: DemandTrendQueryDto, @CurrentUser() user: Principal) {
    assertOrganization(user, query.org);
    assertMunicipality(user, query.municipality);
    return this.demand.trend({ ...query, home: homeMunicipality(user) });
  }

  @Get('demand/versions')
  @Allow('region', 'committee', 'employment')
  @ApiOperation({ summary: 'The labor-demand workbooks of a period: in force and earlier versions' })
  @ApiOkResponse({ type: [LaborDemandVersionDto] })
  @ApiErrors('municipality_forbidden', 'period_not_found', 'municipality_not_found')
  versions(@Query() query: DemandVersionsQueryDto, @CurrentUser() user: Principal) {
    assertMunicipality(user, query.municipality);
    return this.demand.versions(query.period, { ...query, home: homeMunicipality(user) });
  }

  @Put('demand/in-demand')
  @Allow('region', 'committee')
  @ApiOperation({
    summary:
      'The explicit in-demand areas of a period (null: the 5 % rule): the account’s municipality’s, or the region’s',
  })
  @ApiOkResponse({ type: DemandDto })
  @ApiErrors('unknown_area', 'period_not_found')
  setInDemand(@Query() query: PeriodQueryDto, @Body() body: InDemandListDto, @CurrentUser() user: Principal) {
    return this.demand.setInDemand(query.period, body.areas, user);
  }

  @Get('professions')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'The committee’s profession → area mapping' })
  @ApiOkResponse({ type: [ProfessionMappingDto] })
  mappings() {
    return this.professions.list();
  }

  @Post('professions')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Add a line to the profession → area mapping' })
  @ApiCreatedResponse({ type: ProfessionMappingDto })
  @ApiErrors('profession_exists', 'profession_conflict', 'profession_invalid', 'unknown_area')
  addMapping(@Body() body: NewMappingDto, @CurrentUser() user: Principal) {
    return this.professions.add(body, user);
  }
}
