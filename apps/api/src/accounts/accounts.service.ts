import { Injectable } from '@nestjs/common';
import type { AccountView, Role, SessionUserView } from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { writeTransaction } from '../database/write-transaction';
import { AccountEntity } from './account.entity';
import { SYSTEM_LOGINS } from './accounts.dto';
import { LoginThrottle } from './login-throttle';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import type { Principal } from './principal';
import { SessionsService } from './sessions.service';
import { AppError } from '../common/app-error';
import { organizationNotFound } from '../organizations/organization-not-found';

export interface NewAccount {
  login: string;
  password: string;
  role: Role;
  organization?: string;
}

// Verified against when the login is unknown, so that a wrong login and a wrong password take
// the same time (no way to learn which logins exist by timing the answer).
let unknownLoginHash: Promise<string> | undefined;
const placeholderHash = () => (unknownLoginHash ??= hashPassword('unknown-login-placeholder'));

/** Accounts, signing in and out, passwords: the rules, and an audit line for each change. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Checks the password and opens a session; the same answer for an unknown login and a wrong
   * password. Failures slow further tries of this login from this address (LoginThrottle).
   */
  async login(login: string, password: string, ip: string | null) {
    const normalized = login.trim().toLowerCase();
    const attempt = await this.throttle.begin('sign-in', `login:${normalized}`, ip);
    const account = await this.accounts().findOne({
      where: { login: normalized },
      relations: { organization: true },
    });
    const valid = await verifyPassword(password, account?.passwordHash ?? (await placeholderHash()));
    if (!account || !valid || !account.active) {
      await this.audit.record({
        actor: null,
        action: 'login-failed',
        target: login.slice(0, 64),
        details: { reason: !account ? 'unknown-login' : !valid ? 'wrong-password' : 'inactive' },
        ip,
      });
      throw new AppError('bad_credentials');
    }
    await attempt.succeeded();
    const session = await this.sessions.open(account.id);
    await this.audit.record({ actor: { ...account, ip }, action: 'login' });
    return { session, user: sessionUser(account) };
  }

  async logout(principal: Principal | undefined, token: string | undefined): Promise<void> {
    await this.sessions.close(token);
    if (principal) await this.audit.record({ actor: principal, action: 'logout' });
  }

  async me(principal: Principal): Promise<SessionUserView> {
    return {
      login: principal.login,
      role: principal.role,
      organization: principal.organizationCode,
      organizationName: principal.organizationName,
    };
  }

  /**
   * Own password: the current one is asked again (guesses of it are throttled as sign-ins are);
   * every other session of the account ends.
   */
  async changePassword(
    principal: Principal,
    current: string,
    next: string,
    keepToken?: string,
  ): Promise<void> {
    const attempt = await this.throttle.begin('password', `account:${principal.accountId}`, principal.ip);
    const account = await this.accounts().findOneByOrFail({ id: principal.accountId });
    if (!(await verifyPassword(current, account.passwordHash))) {
      throw new AppError('wrong_current_password');
    }
    await attempt.succeeded();
    this.assertPassword(next);
    const passwordHash = await hashPassword(next);
    await writeTransaction(this.dataSource, async (manager) => {
      await manager.update(AccountEntity, { id: account.id }, { passwordHash });
      await this.sessions.closeAll(account.id, keepToken, manager);
      await this.audit.record(
        { actor: principal, action: 'password-change', target: account.login },
        manager,
      );
    });
  }

  async list(): Promise<AccountView[]> {
    const accounts = await this.accounts().find({
      relations: { organization: true },
      order: { login: 'ASC' },
    });
    return accounts.map(accountView);
  }

  /** Creates an account; `actor` is null for the first one made from the command line. */
  async create(
    input: NewAccount,
    actor: Pick<Principal, 'login' | 'role' | 'ip'> | null,
  ): Promise<AccountView> {
    const login = input.login.trim().toLowerCase();
    if (SYSTEM_LOGINS.includes(login)) {
      throw new AppError('login_reserved', `Логин «${login}» зарезервирован системой: выберите другой.`);
    }
    this.assertPassword(input.password);
    if (await this.accounts().existsBy({ login })) {
      throw new AppError('account_exists', `Учётная запись «${login}» уже есть.`);
    }
    let organizationId: number | null = null;
    if (input.role === 'school') {
      if (!input.organization) {
        throw new AppError('organization_required');
      }
      const organization = await this.organizations.findByCode(input.organization);
      if (!organization) {
        throw organizationNotFound(input.organization);
      }
      organizationId = organization.id;
    } else if (input.organization) {
      throw new AppError('organization_not_applicable');
    }
    const passwordHash = await hashPassword(input.password);
    const id = await writeTransaction(this.dataSource, async (manager) => {
      const accounts = manager.getRepository(AccountEntity);
      const account = await accounts.save(
        accounts.create({ login, passwordHash, role: input.role, organizationId, active: true }),
      );
      await this.audit.record(
        {
          actor,
          action: 'account-create',
          target: login,
          details: { role: input.role, organization: input.organization ?? null },
        },
        manager,
      );
      return account.id;
    });
    return this.view(id);
  }

  /** Deactivates, reactivates, or sets a new password (the person's sessions end). */
  async update(
    id: number,
    change: { active?: boolean; password?: string },
    actor: Principal,
  ): Promise<AccountView> {
    if (change.active === undefined && change.password === undefined) throw new AppError('empty_change');
    const account = await this.accounts().findOneBy({ id });
    if (!account) throw new AppError('account_not_found', `Учётная запись № ${id} не найдена.`);
    if (change.active === false && account.id === actor.accountId) {
      throw new AppError('self_deactivation');
    }
    if (change.password !== undefined) this.assertPassword(change.password);
    const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
    await writeTransaction(this.dataSource, async (manager) => {
      await manager.update(
        AccountEntity,
        { id },
        {
          ...(change.active !== undefined && { active: change.active }),
          ...(passwordHash !== undefined && { passwordHash }),
        },
      );
      if (change.active === false || passwordHash !== undefined)
        await this.sessions.closeAll(id, undefined, manager);
      await this.audit.record(
        {
          actor,
          action: 'account-update',
          target: account.login,
          details: {
            ...(change.active !== undefined && { active: change.active }),
            ...(passwordHash !== undefined && { passwordReset: true }),
          },
        },
        manager,
      );
    });
    return this.view(id);
  }

  private async view(id: number): Promise<AccountView> {
    return accountView(
      await this.accounts().findOneOrFail({ where: { id }, relations: { organization: true } }),
    );
  }

  private assertPassword(password: string): void {
    const problem = passwordProblem(password);
    if (problem) throw new AppError('weak_password', problem);
  }

  private accounts() {
    return this.dataSource.getRepository(AccountEntity);
  }
}

function sessionUser(account: AccountEntity): SessionUserView {
  return {
    login: account.login,
    role: account.role,
    organization: account.organization?.code ?? null,
    organizationName: account.organization?.name ?? null,
  };
}

function accountView(account: AccountEntity): AccountView {
  return {
    id: account.id,
    login: account.login,
    role: account.role,
    organization: account.organization?.code ?? null,
    active: account.active,
    createdAt: account.createdAt.toISOString(),
  };
}
