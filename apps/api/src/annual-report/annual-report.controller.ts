import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { assertMunicipality, homeMunicipality } from '../accounts/access-policy';
import { Allow, CurrentUser } from '../accounts/access.decorators';
import type { Principal } from '../accounts/principal';
import { ApiErrors } from '../common/openapi';
import { attachment } from '../common/xlsx-download';
import { LevelPeriodQueryDto } from '../indicators/indicators.dto';
import { AnnualReportService } from './annual-report.service';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@ApiTags('indicators')
@Controller()
export class AnnualReportController {
  constructor(private readonly reports: AnnualReportService) {}

  @Get('annual-report')
  @Allow('region', 'committee')
  @ApiOperation({
    summary: 'The analytic report of a period as an editable Word document',
    description:
      'Of the municipality asked for, else the account’s own level (a bound committee: its municipality; the region: the region).',
  })
  @ApiProduces(DOCX_TYPE)
  @ApiErrors('period_not_found', 'municipality_not_found', 'municipality_forbidden')
  async download(@Query() query: LevelPeriodQueryDto, @CurrentUser() user: Principal) {
    assertMunicipality(user, query.municipality);
    const { fileName, content } = await this.reports.document({ ...query, home: homeMunicipality(user) });
    return new StreamableFile(content, { type: DOCX_TYPE, disposition: attachment(fileName) });
  }
}
