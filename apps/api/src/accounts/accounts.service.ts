import { Injectable } from '@nestjs/common';
import {
  findMunicipality,
  municipalityList,
  unknownMunicipalityMessage,
  type AccountView,
  type Role,
  type SessionUserView,
} from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { IndicatorInputs } from '../indicators/indicator-inputs';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { writeTransaction } from '../database/write-transaction';
import type { AccountEntity } from './account.entity';
import { SYSTEM_LOGINS } from './accounts.dto';
import { AccountsRepository } from './accounts.repository';
import { checkedEmail } from './email-address';
import { LoginThrottle } from './login-throttle';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { assertOrganization, homeMunicipality, managesAccount, seesMunicipality } from './access-policy';
import { CLI_PRINCIPAL, type Principal } from './principal';
import { SessionsService } from './sessions.service';
import { AppError } from '../common/app-error';
import { organizationNotFound } from '../organizations/organization-not-found';

export interface NewAccount {
  login: string;
  password: string;
  role: Role;
  organization?: string;
  /** A committee's or an employment center's, as the registry names it (any case). */
  municipality?: string;
  /** Where reminders are e-mailed; absent or null: none. */
  email?: string | null;
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
    private readonly accounts: AccountsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly registry: IndicatorInputs,
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
    const account = await this.accounts.findByLogin(normalized);
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
    // The password was right: saying why the account may not work tells nothing to a guesser.
    if (!(await this.sessions.principalOf(account, account.organization ?? null, ip))) {
      await this.audit.record({
        actor: { ...account, ip },
        action: 'login-failed',
        target: account.login,
        details: { reason: 'unbound' },
      });
      throw new AppError('account_unbound');
    }
    const session = await this.sessions.open(account.id);
    await this.audit.record({ actor: { ...account, ip }, action: 'login' });
    return { session, user: sessionUser(account, (await this.registry.municipalities()).length) };
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
      municipality: principal.municipality,
      municipalityCount: (await this.registry.municipalities()).length,
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
    const account = await this.accounts.getById(principal.accountId);
    if (!(await verifyPassword(current, account.passwordHash))) {
      throw new AppError('wrong_current_password');
    }
    await attempt.succeeded();
    this.assertPassword(next);
    const passwordHash = await hashPassword(next);
    await writeTransaction(this.dataSource, async (manager) => {
      await this.accounts.update(manager, account.id, { passwordHash });
      await this.sessions.closeAll(account.id, keepToken, manager);
      await this.audit.record(
        { actor: principal, action: 'password-change', target: account.login },
        manager,
      );
    });
  }

  /** Every account, or those `manager` manages (managesAccount). */
  async list(manager?: Principal): Promise<AccountView[]> {
    const views = (await this.accounts.findAll()).map(accountView);
    return manager ? views.filter((view) => managesAccount(manager, view)) : views;
  }

  /**
   * Creates an account; `actor` is null (a test's) or CLI_PRINCIPAL for the server's
   * administrator, who may create any; an account only one it manages (managesAccount).
   */
  async create(input: NewAccount, actor: Principal | null): Promise<AccountView> {
    const administrator = actor === null || actor.accountId === CLI_PRINCIPAL.accountId;
    const login = input.login.trim().toLowerCase();
    if (SYSTEM_LOGINS.includes(login)) {
      throw new AppError('login_reserved', `Логин «${login}» зарезервирован системой: выберите другой.`);
    }
    this.assertPassword(input.password);
    const email = checkedEmail(input.email) ?? null;
    if (await this.accounts.loginTaken(login)) {
      throw new AppError('account_exists', `Учётная запись «${login}» уже есть.`);
    }
    let organizationId: number | null = null;
    let municipality: string | null = null;
    if (input.role === 'school') {
      if (!input.organization) {
        throw new AppError('organization_required');
      }
      if (input.municipality !== undefined)
        throw new AppError('municipality_not_applicable', SCHOOL_MUNICIPALITY);
      if (!administrator) assertOrganization(actor, input.organization);
      const organization = await this.organizations.findByCode(input.organization);
      if (!organization) {
        throw organizationNotFound(input.organization);
      }
      organizationId = organization.id;
      municipality = organization.municipality;
    } else if (input.organization) {
      throw new AppError('organization_not_applicable');
    } else if (input.role === 'region') {
      if (input.municipality !== undefined)
        throw new AppError('municipality_not_applicable', REGION_MUNICIPALITY);
    } else {
      municipality = await this.municipalityOf(input, administrator ? null : actor);
    }
    if (!administrator && !managesAccount(actor, { role: input.role, municipality })) {
      throw input.role === 'region'
        ? new AppError(
            'role_forbidden',
            'Учётную запись регионального министерства создаёт только региональное министерство.',
          )
        : new AppError(
            'municipality_forbidden',
            'Учётные записи другого муниципалитета и региона создаёт региональное министерство.',
          );
    }
    const passwordHash = await hashPassword(input.password);
    const id = await writeTransaction(this.dataSource, async (manager) => {
      const accountId = await this.accounts.add(manager, {
        login,
        passwordHash,
        role: input.role,
        organizationId,
        // A school's comes from its organization, and follows it.
        municipality: input.role === 'school' ? null : municipality,
        email,
        active: true,
      });
      await this.audit.record(
        {
          actor,
          action: 'account-create',
          target: login,
          details: { role: input.role, organization: input.organization ?? null, municipality, email },
        },
        manager,
      );
      return accountId;
    });
    return this.view(id);
  }

  /** Deactivates, reactivates, sets a new password (the person's sessions end) or the e-mail address. */
  async update(
    id: number,
    change: { active?: boolean; password?: string; email?: string | null },
    actor: Principal,
  ): Promise<AccountView> {
    if (change.active === undefined && change.password === undefined && change.email === undefined)
      throw new AppError('empty_change');
    const email = checkedEmail(change.email);
    const account = await this.accounts.findById(id);
    // One the actor does not manage is "not found": whoever could set its password could act as it.
    if (!account || !managesAccount(actor, accountView(account)))
      throw new AppError('account_not_found', `Учётная запись № ${id} не найдена.`);
    if (change.active === false && account.id === actor.accountId) {
      throw new AppError('self_deactivation');
    }
    if (change.password !== undefined) this.assertPassword(change.password);
    const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
    await writeTransaction(this.dataSource, async (manager) => {
      await this.accounts.update(manager, id, {
        ...(change.active !== undefined && { active: change.active }),
        ...(passwordHash !== undefined && { passwordHash }),
        ...(email !== undefined && { email }),
      });
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
            ...(email !== undefined && { email }),
          },
        },
        manager,
      );
    });
    return this.view(id);
  }

  /**
   * A committee's or an employment center's municipality, in the registry's spelling: the one
   * named; none named, a bound actor's own; none at all, the region (an employment center) or,
   * while the registry holds one municipality, every one (a committee). `actor`: null for the
   * administrator; an actor is told only the municipalities it sees.
   */
  private async municipalityOf(input: NewAccount, actor: Principal | null): Promise<string | null> {
    const registry = await this.registry.municipalities();
    const known = actor ? registry.filter((name) => seesMunicipality(actor, name)) : registry;
    const wanted = input.municipality ?? (actor ? homeMunicipality(actor) : null) ?? undefined;
    if (wanted === undefined) {
      if (input.role === 'committee' && registry.length > 1) {
        throw new AppError(
          'municipality_required',
          `В реестре несколько муниципалитетов: укажите муниципалитет комитета — ${municipalityList(known)}.`,
        );
      }
      return null;
    }
    const found = findMunicipality(registry, wanted);
    if (found === undefined || !known.includes(found)) {
      throw new AppError('municipality_not_found', unknownMunicipalityMessage(wanted, known));
    }
    return found;
  }

  private async view(id: number): Promise<AccountView> {
    return accountView(await this.accounts.getById(id));
  }

  private assertPassword(password: string): void {
    const problem = passwordProblem(password);
    if (problem) throw new AppError('weak_password', problem);
  }
}

const SCHOOL_MUNICIPALITY =
  'Муниципалитет школы берётся из реестра, из её организации: для учётной записи школы он не указывается.';
const REGION_MUNICIPALITY =
  'Региональное министерство работает со всеми муниципалитетами: муниципалитет для него не указывается.';

/** The account's municipality: a school's is its organization's. */
const municipalityOfAccount = (account: AccountEntity): string | null =>
  account.role === 'school' ? (account.organization?.municipality ?? null) : account.municipality;

function sessionUser(account: AccountEntity, municipalityCount: number): SessionUserView {
  return {
    login: account.login,
    role: account.role,
    organization: account.organization?.code ?? null,
    organizationName: account.organization?.name ?? null,
    municipality: municipalityOfAccount(account),
    municipalityCount,
  };
}

function accountView(account: AccountEntity): AccountView {
  return {
    id: account.id,
    login: account.login,
    role: account.role,
    organization: account.organization?.code ?? null,
    municipality: municipalityOfAccount(account),
    email: account.email,
    active: account.active,
    createdAt: account.createdAt.toISOString(),
  };
}
