import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser } from '../accounts/access.decorators';
import type { Principal } from '../accounts/principal';
import { ApiErrors } from '../common/openapi';
import {
  CommentsQueryDto,
  CycleAnalysisDto,
  CycleCommentDto,
  CycleDecisionDto,
  CycleEffectivenessDto,
  CycleLevelQueryDto,
  CycleMeasureDto,
  CycleRecommendationDto,
  NewAnalysisDto,
  NewAnswerDto,
  NewCommentDto,
  NewDecisionDto,
  NewMeasureDto,
  NewRecommendationDto,
  RecommendationsQueryDto,
} from './cycle.dto';
import { CycleService } from './cycle.service';

const LEVEL_ERRORS = ['period_not_found', 'municipality_not_found', 'municipality_forbidden'] as const;

@ApiTags('cycle')
@Controller('cycle')
export class CycleController {
  constructor(private readonly cycle: CycleService) {}

  @Get('analyses')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'The committee’s current analysis of each indicator of a period and level' })
  @ApiOkResponse({ type: [CycleAnalysisDto] })
  @ApiErrors(...LEVEL_ERRORS)
  analyses(@Query() query: CycleLevelQueryDto, @CurrentUser() user: Principal) {
    return this.cycle.analyses(query.period, query.municipality, user);
  }

  @Get('analyses/:indicator/history')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Every version of an indicator’s analysis, newest first' })
  @ApiOkResponse({ type: [CycleAnalysisDto] })
  @ApiErrors(...LEVEL_ERRORS, 'indicator_not_found')
  analysisHistory(
    @Param('indicator') indicator: string,
    @Query() query: CycleLevelQueryDto,
    @CurrentUser() user: Principal,
  ) {
    return this.cycle.analysisHistory(query.period, query.municipality, indicator, user);
  }

  @Put('analyses/:indicator')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Write an indicator’s analysis anew (earlier versions kept)' })
  @ApiOkResponse({ type: CycleAnalysisDto })
  @ApiErrors(...LEVEL_ERRORS, 'indicator_not_found')
  writeAnalysis(
    @Param('indicator') indicator: string,
    @Query() query: CycleLevelQueryDto,
    @Body() body: NewAnalysisDto,
    @CurrentUser() user: Principal,
  ) {
    return this.cycle.writeAnalysis(query.period, query.municipality, indicator, body.text, user);
  }

  @Get('recommendations')
  @Allow('region', 'committee', 'school')
  @ApiOperation({
    summary: 'Recommendations of a level, newest first (without a period: every period)',
    description: 'A school sees those addressed to its organization, with its own answer only.',
  })
  @ApiOkResponse({ type: [CycleRecommendationDto] })
  @ApiErrors(...LEVEL_ERRORS)
  recommendations(@Query() query: RecommendationsQueryDto, @CurrentUser() user: Principal) {
    return this.cycle.recommendations(query.period, query.municipality, user);
  }

  @Post('recommendations')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Address a recommendation about an indicator to named organizations' })
  @ApiCreatedResponse({ type: CycleRecommendationDto })
  @ApiErrors(
    ...LEVEL_ERRORS,
    'indicator_not_found',
    'organization_not_found',
    'organization_forbidden',
    'invalid_cycle_date',
  )
  recommend(@Body() body: NewRecommendationDto, @CurrentUser() user: Principal) {
    return this.cycle.recommend(body, user);
  }

  @Put('recommendations/:id/answer')
  @Allow('school')
  @ApiOperation({ summary: 'The school’s answer to a recommendation addressed to it: what it did' })
  @ApiOkResponse({ type: CycleRecommendationDto })
  @ApiErrors('recommendation_not_found', 'recommendation_not_addressed')
  answer(@Param('id') id: string, @Body() body: NewAnswerDto, @CurrentUser() user: Principal) {
    return this.cycle.answer(id, body.text, user);
  }

  @Get('recommendations/:id/effectiveness')
  @Allow('region', 'committee')
  @ApiOperation({
    summary: 'How the indicator moved to the next period in the addressed organizations against the others',
  })
  @ApiOkResponse({ type: CycleEffectivenessDto })
  @ApiErrors('recommendation_not_found', 'municipality_forbidden')
  effectiveness(@Param('id') id: string, @CurrentUser() user: Principal) {
    return this.cycle.effectiveness(id, user);
  }

  @Get('measures')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Measures of a period and level, by date' })
  @ApiOkResponse({ type: [CycleMeasureDto] })
  @ApiErrors(...LEVEL_ERRORS)
  measures(@Query() query: CycleLevelQueryDto, @CurrentUser() user: Principal) {
    return this.cycle.measures(query.period, query.municipality, user);
  }

  @Post('measures')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Record a measure: what, when, who is responsible, for which organizations' })
  @ApiCreatedResponse({ type: CycleMeasureDto })
  @ApiErrors(...LEVEL_ERRORS, 'organization_not_found', 'organization_forbidden', 'invalid_cycle_date')
  addMeasure(@Body() body: NewMeasureDto, @CurrentUser() user: Principal) {
    return this.cycle.addMeasure(body, user);
  }

  @Get('decisions')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Management decisions of a period and level, by date' })
  @ApiOkResponse({ type: [CycleDecisionDto] })
  @ApiErrors(...LEVEL_ERRORS)
  decisions(@Query() query: CycleLevelQueryDto, @CurrentUser() user: Principal) {
    return this.cycle.decisions(query.period, query.municipality, user);
  }

  @Post('decisions')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Record a management decision: text, date, basis' })
  @ApiCreatedResponse({ type: CycleDecisionDto })
  @ApiErrors(...LEVEL_ERRORS, 'invalid_cycle_date')
  addDecision(@Body() body: NewDecisionDto, @CurrentUser() user: Principal) {
    return this.cycle.addDecision(body, user);
  }

  @Get('comments')
  @Allow('region', 'committee', 'school', 'employment')
  @ApiOperation({ summary: 'Comments pinned to the values of a period the account sees' })
  @ApiOkResponse({ type: [CycleCommentDto] })
  @ApiErrors('period_not_found')
  comments(@Query() query: CommentsQueryDto, @CurrentUser() user: Principal) {
    return this.cycle.comments(query.period, query.indicator, user);
  }

  @Post('comments')
  @Allow('region', 'committee', 'school', 'employment')
  @ApiOperation({ summary: 'Pin a comment to a value the account sees: an organization’s or a pooled one' })
  @ApiCreatedResponse({ type: CycleCommentDto })
  @ApiErrors(...LEVEL_ERRORS, 'organization_not_found', 'organization_forbidden')
  comment(@Body() body: NewCommentDto, @CurrentUser() user: Principal) {
    return this.cycle.comment(body, user);
  }
}
