import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentUser } from './access.decorators';
import { AccountChangeDto, AccountDto, NewAccountDto } from './accounts.dto';
import { AccountsService } from './accounts.service';
import type { Principal } from './principal';

@ApiTags('accounts')
@Controller('accounts')
@Allow('committee')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOkResponse({ type: [AccountDto] })
  list() {
    return this.accounts.list();
  }

  @Post()
  @ApiOkResponse({ type: AccountDto })
  create(@Body() body: NewAccountDto, @CurrentUser() user: Principal) {
    return this.accounts.create(body, user);
  }

  @Patch(':id')
  @ApiOkResponse({ type: AccountDto })
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AccountChangeDto,
    @CurrentUser() user: Principal,
  ) {
    return this.accounts.update(id, body, user);
  }
}
