import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser } from '../accounts/access.decorators';
import type { Principal } from '../accounts/principal';
import { ApiErrors } from '../common/openapi';
import {
  BulkReviewDto,
  CampaignDto,
  CampaignQueryDto,
  CampaignReportsQueryDto,
  CampaignUpdateDto,
  NewBulkReviewDto,
  NewCampaignDto,
  NewReviewDto,
  ReportEventDto,
  ReportStatusDto,
  ReviewHistoryQueryDto,
} from './campaign.dto';
import { CampaignsService } from './campaigns.service';
import { ReviewsService } from './reviews.service';

@ApiTags('campaign')
@Controller()
export class CampaignController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly reviews: ReviewsService,
  ) {}

  @Get('campaigns')
  @Allow('region', 'committee', 'school')
  @ApiOperation({
    summary: 'Every campaign, the newest period first, with its progress at the account’s level',
    description:
      'Counts: the region’s of every organization, a bound committee’s of its municipality, a school’s of its own report.',
  })
  @ApiOkResponse({ type: [CampaignDto] })
  list(@CurrentUser() user: Principal) {
    return this.campaigns.list(user);
  }

  @Get('campaign')
  @Allow('region', 'committee', 'school')
  @ApiOperation({ summary: 'The campaign of a period: deadline, history, progress' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiErrors('period_not_found', 'campaign_not_found')
  get(@Query() query: CampaignQueryDto, @CurrentUser() user: Principal) {
    return this.campaigns.get(query.period, user);
  }

  @Post('campaign')
  @Allow('region', 'committee')
  @ApiOperation({
    summary: 'Open the campaign of a period with a deadline',
    description:
      'With several municipalities in the registry, only the region opens, moves and closes campaigns.',
  })
  @ApiCreatedResponse({ type: CampaignDto })
  @ApiErrors('period_not_found', 'campaign_exists', 'invalid_deadline')
  open(@Body() body: NewCampaignDto, @CurrentUser() user: Principal) {
    return this.campaigns.open(body.period, body.deadline, user);
  }

  @Patch('campaign')
  @Allow('region', 'committee')
  @ApiOperation({ summary: 'Move the deadline (history kept), close (open: false) or reopen (open: true)' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiErrors('empty_change', 'period_not_found', 'campaign_not_found', 'campaign_closed', 'invalid_deadline')
  update(@Query() query: CampaignQueryDto, @Body() body: CampaignUpdateDto, @CurrentUser() user: Principal) {
    return this.campaigns.update(query.period, body, user);
  }

  @Get('campaign/reports')
  @Allow('region', 'committee', 'school')
  @ApiOperation({
    summary: 'Each expected organization’s report: state, sheets, on time or late, last upload, decision',
    description:
      'Works without a campaign too (no deadline: nothing on time or late). A school sees its own.',
  })
  @ApiOkResponse({ type: [ReportStatusDto] })
  @ApiErrors(
    'period_not_found',
    'organization_not_found',
    'organization_forbidden',
    'municipality_not_found',
    'municipality_forbidden',
  )
  reports(@Query() query: CampaignReportsQueryDto, @CurrentUser() user: Principal) {
    return this.campaigns.reports(query.period, user, query);
  }

  @Post('reviews')
  @Allow('region', 'committee')
  @ApiOperation({
    summary: 'Accept a sent report (locks it) or return one with a comment',
    description: 'Answers the report’s state after the decision.',
  })
  @ApiCreatedResponse({ type: ReportStatusDto })
  @ApiErrors(
    'period_not_found',
    'organization_not_found',
    'organization_forbidden',
    'review_not_allowed',
    'comment_required',
  )
  review(@Body() body: NewReviewDto, @CurrentUser() user: Principal) {
    return this.reviews.decide(body, user);
  }

  @Post('reviews/bulk')
  @Allow('region', 'committee')
  @ApiOperation({
    summary: 'Accept every listed report that is sent and has no warnings; the others refused, each with why',
  })
  @ApiCreatedResponse({ type: BulkReviewDto })
  @ApiErrors('period_not_found', 'organization_forbidden')
  bulk(@Body() body: NewBulkReviewDto, @CurrentUser() user: Principal) {
    return this.reviews.acceptMany(body.period, body.orgs, user);
  }

  @Get('reviews/history')
  @Allow('region', 'committee', 'school')
  @ApiOperation({ summary: 'A report’s uploads and decisions, oldest first, each with the state it left' })
  @ApiOkResponse({ type: [ReportEventDto] })
  @ApiErrors('period_not_found', 'organization_not_found', 'organization_forbidden')
  history(@Query() query: ReviewHistoryQueryDto, @CurrentUser() user: Principal) {
    return this.reviews.history(query.org, query.period, user);
  }
}
