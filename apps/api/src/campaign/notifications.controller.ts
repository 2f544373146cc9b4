import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../accounts/access.decorators';
import type { Principal } from '../accounts/principal';
import { NotificationDto } from './notifications.dto';
import { RemindersService } from './reminders.service';

@ApiTags('campaign')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'The reminders the account’s organization still has to act on, newest first',
    description:
      'A school account: its organization’s reminders for the periods whose report is not sent, sent in part or returned. Other roles: none.',
  })
  @ApiOkResponse({ type: [NotificationDto] })
  list(@CurrentUser() user: Principal) {
    return this.reminders.notifications(user);
  }
}
