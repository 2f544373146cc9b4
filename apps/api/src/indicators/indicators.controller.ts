import { Body, Controller, Get, Param, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
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
  @ApiOkResponse({ type: [IndicatorDefinitionDto] })
  definitions() {
    return this.indicators.definitions();
  }

  @Get('indicators')
  @ApiOperation({ summary: 'Values with target, status and change from the previous period' })
  @ApiOkResponse({ type: [IndicatorValueDto] })
  values(@Query() query: ValuesQueryDto) {
    return this.indicators.values(query);
  }

  @Get('indicators/:id/explanation')
  @ApiOkResponse({ type: ExplanationDto })
  explanation(@Param('id') id: string, @Query() query: ExplanationQueryDto) {
    return this.indicators.explanation(id, query.period, query.org, query.sheet);
  }

  @Get('indicators/:id/rows')
  @ApiOperation({ summary: 'The rows behind a value (which graduates, grades, teachers) with their uploads' })
  @ApiOkResponse({ type: ExplanationRowsDto })
  rows(@Param('id') id: string, @Query() query: RowsQueryDto) {
    return this.indicators.rows(id, query.period, query.org, query.limit);
  }

  @Get('completeness')
  @ApiOkResponse({ type: CompletenessDto })
  completeness(@Query() query: PeriodQueryDto) {
    return this.reporting.completeness(query.period);
  }

  @Get('destinations')
  @ApiOperation({ summary: 'Graduates: class → destination → territory' })
  @ApiOkResponse({ type: [DestinationLinkDto] })
  destinations(@Query() query: OrgPeriodQueryDto) {
    return this.reporting.destinations(query.period, query.org);
  }

  @Get('targets')
  @ApiOkResponse({ type: [TargetViewDto] })
  targetList(@Query() query: PeriodQueryDto) {
    return this.targets.list(query.period);
  }

  @Put('targets/:id')
  @ApiOkResponse({ type: TargetViewDto })
  setTarget(@Param('id') id: string, @Query() query: PeriodQueryDto, @Body() target: TargetDto) {
    return this.targets.set(
      query.period,
      id,
      target.kind === 'atLeast' ? { kind: 'atLeast', threshold: target.threshold! } : { kind: target.kind },
      'committee',
    );
  }

  @Get('export/indicators.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Query() query: PeriodQueryDto, @Res({ passthrough: true }) response: Response) {
    const { fileName, content } = await this.exports.indicatorsWorkbook(query.period);
    response.set({
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    });
    return new StreamableFile(content);
  }
}
