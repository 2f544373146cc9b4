import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/openapi';
import { Allow, CurrentUser } from './access.decorators';
import { AccountChangeDto, AccountDto, NewAccountDto } from './accounts.dto';
import { AccountsService } from './accounts.service';
import type { Principal } from './principal';

@ApiTags('accounts')
@Controller('accounts')
@Allow('region', 'committee')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'The accounts the caller manages (a committee: its municipality’s)' })
  @ApiOkResponse({ type: [AccountDto] })
  list(@CurrentUser() user: Principal) {
    return this.accounts.list(user);
  }

  @Post()
  @ApiOperation({ summary: 'Create an account' })
  @ApiCreatedResponse({ type: AccountDto })
  @ApiErrors(
    'account_exists',
    'login_reserved',
    'weak_password',
    'organization_required',
    'organization_not_applicable',
    'organization_not_found',
    'organization_forbidden',
    'municipality_required',
    'municipality_not_applicable',
    'municipality_not_found',
    'municipality_forbidden',
    'role_forbidden',
  )
  create(@Body() body: NewAccountDto, @CurrentUser() user: Principal) {
    return this.accounts.create(body, user);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Deactivate or reactivate an account, or set its password' })
  @ApiOkResponse({ type: AccountDto })
  @ApiErrors('empty_change', 'account_not_found', 'self_deactivation', 'weak_password')
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: AccountChangeDto,
    @CurrentUser() user: Principal,
  ) {
    return this.accounts.update(id, body, user);
  }
}
