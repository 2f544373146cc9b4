import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type AccountView, type Role, type SessionUserView } from '@profmonitor/domain';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { EMAIL_MAX_LENGTH, EMAIL_MESSAGE, isEmailAddress } from './email-address';
import { CLI_PRINCIPAL } from './principal';

const LOGIN = /^[a-zA-Z0-9._-]{3,64}$/;
const LOGIN_MESSAGE = 'Логин — от 3 до 64 латинских букв, цифр, точек, дефисов и подчёркиваний.';

/**
 * Names the system acts under with no account behind them (the command line, the demo loader),
 * shown as the sender of what they store: no account may take one.
 */
export const SYSTEM_LOGINS: readonly string[] = [CLI_PRINCIPAL.login, 'demo', 'system'];
const PASSWORD_MESSAGE = 'Пароль — от 8 до 200 символов.';
const MUNICIPALITY_MESSAGE = 'Муниципалитет — название из реестра, до 200 символов.';

/** An account's e-mail for reminders: an address, or (absent, null) none. */
const EmailProperty = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: EMAIL_MAX_LENGTH,
      example: 'sch12@edu.example.ru',
      description: 'Where reminders are e-mailed; null: in the application only.',
    }),
    IsOptional(),
    // One rule, so that a bad address is told once.
    ValidateBy(
      { name: 'isEmailAddress', validator: { validate: (v) => typeof v === 'string' && isEmailAddress(v) } },
      { message: EMAIL_MESSAGE },
    ),
  );

export class LoginDto {
  @ApiProperty({ example: 'komitet' })
  @IsString({ message: 'Укажите логин.' })
  @MinLength(1, { message: 'Укажите логин.' })
  @MaxLength(64, { message: 'Логин не длиннее 64 символов.' })
  login: string;

  @ApiProperty()
  @IsString({ message: 'Укажите пароль.' })
  @MinLength(1, { message: 'Укажите пароль.' })
  @MaxLength(200, { message: PASSWORD_MESSAGE })
  password: string;
}

export class PasswordChangeDto {
  @ApiProperty()
  @IsString({ message: 'Укажите текущий пароль.' })
  @MaxLength(200, { message: PASSWORD_MESSAGE })
  currentPassword: string;

  @ApiProperty({ minLength: 8 })
  @IsString({ message: PASSWORD_MESSAGE })
  @MinLength(8, { message: PASSWORD_MESSAGE })
  @MaxLength(200, { message: PASSWORD_MESSAGE })
  newPassword: string;
}

export class NewAccountDto {
  @ApiProperty({ example: 'sch12' })
  @Matches(LOGIN, { message: LOGIN_MESSAGE })
  login: string;

  @ApiProperty({ minLength: 8 })
  @IsString({ message: PASSWORD_MESSAGE })
  @MinLength(8, { message: PASSWORD_MESSAGE })
  @MaxLength(200, { message: PASSWORD_MESSAGE })
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: 'Роль — region, committee, school или employment.' })
  role: Role;

  @ApiPropertyOptional({ example: 'SCH12', description: 'For a school account: its organization.' })
  @IsOptional()
  @Matches(/^[\p{L}\p{N}_.-]{1,32}$/u, {
    message: 'Код организации — до 32 букв, цифр, точек, дефисов и подчёркиваний.',
  })
  organization?: string;

  @ApiPropertyOptional({
    example: 'Саянск',
    description:
      'For a committee or an employment center: its municipality, as the registry names it (any case). ' +
      'Required for a committee when the registry holds several; an employment center without one works for the region.',
  })
  @IsOptional()
  @IsString({ message: MUNICIPALITY_MESSAGE })
  @MinLength(1, { message: MUNICIPALITY_MESSAGE })
  @MaxLength(200, { message: MUNICIPALITY_MESSAGE })
  municipality?: string;

  @EmailProperty()
  email?: string | null;
}

export class AccountChangeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'active — true или false.' })
  active?: boolean;

  @ApiPropertyOptional({ minLength: 8, description: 'A new password set by the committee.' })
  @IsOptional()
  @IsString({ message: PASSWORD_MESSAGE })
  @MinLength(8, { message: PASSWORD_MESSAGE })
  @MaxLength(200, { message: PASSWORD_MESSAGE })
  password?: string;

  @EmailProperty()
  email?: string | null;
}

export class SessionUserDto implements SessionUserView {
  @ApiProperty() login: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty({ type: String, nullable: true }) organizationName: string | null;
  @ApiProperty({ type: String, nullable: true }) municipality: string | null;
  @ApiProperty({
    description: 'The registry’s municipalities: from two on, the region is a level of its own.',
  })
  municipalityCount: number;
}

export class AccountDto implements AccountView {
  @ApiProperty() id: number;
  @ApiProperty() login: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty({ type: String, nullable: true }) municipality: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
}
