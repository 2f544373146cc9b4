import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProducesXlsx, xlsxDownload } from '../common/xlsx-download';
import { assertOrganization, assertRows, visibleValues } from '../accounts/access-policy';
import { Allow, CurrentUser, SignedIn } from '../accounts/access.decorators';
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
  async values(@Query() query: ValuesQueryDto, @CurrentUser() user: Principal) {
    assertOrganization(user, query.org);
    return visibleValues(user, await this.indicators.values(query));
  }

  @Get('indicators/:id/explanation')
  @SignedIn()
  @ApiOkResponse({ type: ExplanationDto })
  async explanation(
    @Param('id') id: string,
    @Query() query: ExplanationQueryDto,
    @CurrentUser() user: Principal,
  ) {
    assertOrganization(user, query.org);
    const explanation = await this.indicators.explanation(id, query.period, query.org, query.sheet);
    return { ...explanation, contributors: visibleValues(user, explanation.contributors) };
  }

  @Get('indicators/:id/rows')
  @Allow('committee', 'school')
  @ApiOperation({ summary: 'The rows behind a value (which graduates, grades, teachers) with their uploads' })
  @ApiOkResponse({ type: ExplanationRowsDto })
  rows(@Param('id') id: string, @Query() query: RowsQueryDto, @CurrentUser() user: Principal) {
    assertRows(user, query.org);
    return this.indicators.rows(id, query.period, query.org, query.limit);
  }

  @Get('completeness')
  @Allow('committee')
  @ApiOkResponse({ type: CompletenessDto })
  completeness(@Query() query: PeriodQueryDto) {
    return this.reporting.completeness(query.period);
  }

  @Get('destinations')
  @SignedIn()
  @ApiOperation({ summary: 'Graduates: class → destination → territory' })
  @ApiOkResponse({ type: [DestinationLinkDto] })
  destinations(@Query() query: OrgPeriodQueryDto, @CurrentUser() user: Principal) {
    assertOrganization(user, query.org);
    return this.reporting.destinations(query.period, query.org);
  }

  @Get('targets')
  @SignedIn()
  @ApiOkResponse({ type: [TargetViewDto] })
  targetList(@Query() query: PeriodQueryDto) {
    return this.targets.list(query.period);
  }

  @Put('targets/:id')
  @Allow('committee')
  @ApiOkResponse({ type: TargetViewDto })
  setTarget(
    @Param('id') id: string,
    @Query() query: PeriodQueryDto,
    @Body() target: TargetDto,
    @CurrentUser() user: Principal,
  ) {
    return this.targets.set(
      query.period,
      id,
      target.kind === 'atLeast' ? { kind: 'atLeast', threshold: target.threshold! } : { kind: target.kind },
      user,
    );
  }

  @Get('export/indicators.xlsx')
  @Allow('committee')
  @ProducesXlsx()
  async export(@Query() query: PeriodQueryDto) {
    const { fileName, content } = await this.exports.indicatorsWorkbook(query.period);
    return xlsxDownload(content, fileName);
  }
}
