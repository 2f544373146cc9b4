import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProducesXlsx, xlsxDownload } from '../common/xlsx-download';
import {
  assertMunicipality,
  assertOrganization,
  assertRows,
  homeMunicipality,
  seesMunicipality,
  visibleValues,
} from '../accounts/access-policy';
import { Allow, CurrentUser, SignedIn } from '../accounts/access.decorators';
import { ApiErrors } from '../common/openapi';
import type { Principal } from '../accounts/principal';
import { ExportService } from './export.service';
import {
  CompletenessDto,
  DestinationLinkDto,
  ExplanationDto,
  ExplanationQueryDto,
  ExplanationRowsDto,
  IndicatorDefinitionDto,
  IndicatorValueDto,
  LevelPeriodQueryDto,
  OrgPeriodQueryDto,
  PeriodQueryDto,
  RowsQueryDto,
  TargetDto,
  TargetViewDto,
  ValuesQueryDto,
} from './indicators.dto';
import { IndicatorsService } from './indicators.service';
import { ReportingService } from './reporting.service';
import { TargetsService } from './targets.service';

@ApiTags('indicators')
@Controller()
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly reporting: ReportingService,
    private readonly targets: TargetsService,
    private readonly exports: ExportService,
  ) {}

  @Get('indicators/definitions')
  @SignedIn()
  @ApiOperation({ summary: 'The indicators: names, formulas, sources and default targets' })
  @ApiOkResponse({ type: [IndicatorDefinitionDto] })
  definitions() {
    return this.indicators.definitions();
  }

  @Get('indicators')
  @SignedIn()
  @ApiOperation({
    summary: 'Values with target, status and change from the previous period',
    description:
      'A school account gets its own organization and the municipality; the employment center the municipality.',
  })
  @ApiOkResponse({ type: [IndicatorValueDto] })
  @ApiErrors(
    'organization_forbidden',
    'indicator_not_found',
    'period_not_found',
    'organization_not_found',
    'municipality_not_found',
    'municipality_forbidden',
  )
  async values(@Query() query: ValuesQueryDto, @CurrentUser() user: Principal) {
    assertOrganization(user, query.org);
    assertMunicipality(user, query.municipality);
    // Without a level asked for, a bound account reads its own municipality (and the region).
    const municipality =
      query.municipality ?? (query.org ? undefined : (homeMunicipality(user) ?? undefined));
    return visibleValues(
      user,
      await this.indicators.values({ ...query, municipality, home: homeMunicipality(user) }),
    );
  }

  @Get('indicators/:id/explanation')
  @SignedIn()
  @ApiOperation({ summary: 'How a value came about: formula, contributors, the area table' })
  @ApiOkResponse({ type: ExplanationDto })
  @ApiErrors(
    'organization_forbidden',
    'indicator_not_found',
    'indicator_value_not_found',
    'period_not_found',
    'organization_not_found',
    'municipality_not_found',
    'municipality_forbidden',
  )
  async explanation(
    @Param('id') id: string,
    @Query() query: ExplanationQueryDto,
    @CurrentUser() user: Principal,
  ) {
    assertOrganization(user, query.org);
    assertMunicipality(user, query.municipality);
    const explanation = await this.indicators.explanation(id, query.period, {
      ...query,
      home: homeMunicipality(user),
    });
    return {
      ...explanation,
      contributors: visibleValues(user, explanation.contributors),
      municipalities: explanation.municipalities.filter((m) => seesMunicipality(user, m.municipality)),
      // Timeliness: a school sees its own report's line, as it sees its own contribution.
      ...(explanation.reports && { reports: visibleValues(user, explanation.reports) }),
    };
  }

  @Get('indicators/:id/rows')
  @Allow('region', 'committee', 'school')
  @ApiOperation({ summary: 'The rows behind a value (which graduates, grades, teachers) with their uploads' })
  @ApiOkResponse({ type: ExplanationRowsDto })
  @ApiErrors(
    'organization_forbidden',
    'indicator_not_found',
    'indicator_rows_not_found',
    'period_not_found',
    'organization_not_found',
    'municipality_not_found',
    'municipality_forbidden',
  )
  rows(@Param('id') id: string, @Query() query: RowsQueryDto, @CurrentUser() user: Principal) {
    assertRows(user, query.org);
    assertMunicipality(user, query.municipality);
    return this.indicators.rows(id, query.period, { ...query, home: homeMunicipality(user) }, query.limit);
  }

  @Get('completeness')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Which organizations have sent each sheet for the period' })
  @ApiOkResponse({ type: CompletenessDto })
  @ApiErrors('period_not_found', 'municipality_not_found', 'municipality_forbidden')
  completeness(@Query() query: LevelPeriodQueryDto, @CurrentUser() user: Principal) {
    assertMunicipality(user, query.municipality);
    return this.reporting.completeness(query.period, { ...query, home: homeMunicipality(user) });
  }

  @Get('destinations')
  @SignedIn()
  @ApiOperation({ summary: 'Graduates: class → destination → territory' })
  @ApiOkResponse({ type: [DestinationLinkDto] })
  @ApiErrors('organization_forbidden', 'period_not_found', 'municipality_not_found', 'municipality_forbidden')
  destinations(@Query() query: OrgPeriodQueryDto, @CurrentUser() user: Principal) {
    assertOrganization(user, query.org);
    assertMunicipality(user, query.municipality);
    return this.reporting.destinations(query.period, query.org, { ...query, home: homeMunicipality(user) });
  }

  @Get('targets')
  @SignedIn()
  @ApiOperation({ summary: 'The targets of the period, set or default' })
  @ApiOkResponse({ type: [TargetViewDto] })
  @ApiErrors('period_not_found', 'municipality_not_found', 'municipality_forbidden')
  targetList(@Query() query: LevelPeriodQueryDto, @CurrentUser() user: Principal) {
    assertMunicipality(user, query.municipality);
    return this.targets.list(query.period, { ...query, home: homeMunicipality(user) });
  }

  @Put('targets/:id')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Set the target of an indicator for the period' })
  @ApiOkResponse({ type: TargetViewDto })
  @ApiErrors(
    'indicator_not_found',
    'invalid_target',
    'period_not_found',
    'municipality_not_found',
    'municipality_forbidden',
  )
  setTarget(
    @Param('id') id: string,
    @Query() query: LevelPeriodQueryDto,
    @Body() target: TargetDto,
    @CurrentUser() user: Principal,
  ) {
    return this.targets.set(
      query.period,
      id,
      target.kind === 'atLeast' ? { kind: 'atLeast', threshold: target.threshold! } : { kind: target.kind },
      user,
      query.municipality,
    );
  }

  @Get('export/indicators.xlsx')
  @SignedIn()
  @ApiOperation({
    summary: 'The period’s indicators as an Excel workbook',
    description:
      'A school account gets the municipality and its own organization; the employment center the municipality.',
  })
  @ProducesXlsx()
  @ApiErrors('period_not_found')
  async export(@Query() query: PeriodQueryDto, @CurrentUser() user: Principal) {
    const { fileName, content } = await this.exports.indicatorsWorkbook(query.period, user);
    return xlsxDownload(content, fileName);
  }
}
