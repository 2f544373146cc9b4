import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountEntity } from './account.entity';

/** What an account is created with. */
export type NewAccountRow = Pick<
  AccountEntity,
  'login' | 'passwordHash' | 'role' | 'organizationId' | 'municipality' | 'email' | 'active'
>;

/**
 * The accounts (accounts), each read with its organization (a school's). Writes take the
 * caller's transaction's manager; reads default to the DataSource's.
 */
@Injectable()
export class AccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The account of a login as stored (trimmed, lower case), if any. */
  findByLogin(login: string): Promise<AccountEntity | null> {
    return this.dataSource.manager.findOne(AccountEntity, {
      where: { login },
      relations: { organization: true },
    });
  }

  findById(id: number): Promise<AccountEntity | null> {
    return this.dataSource.manager.findOne(AccountEntity, {
      where: { id },
      relations: { organization: true },
    });
  }

  /** The account of an id that must exist (throws EntityNotFoundError). */
  getById(id: number): Promise<AccountEntity> {
    return this.dataSource.manager.findOneOrFail(AccountEntity, {
      where: { id },
      relations: { organization: true },
    });
  }

  /** Every account, by login. */
  findAll(): Promise<AccountEntity[]> {
    return this.dataSource.manager.find(AccountEntity, {
      relations: { organization: true },
      order: { login: 'ASC' },
    });
  }

  loginTaken(login: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(AccountEntity, { login });
  }

  /** Adds an account; its id. */
  async add(manager: EntityManager, account: NewAccountRow): Promise<number> {
    const saved = await manager.save(AccountEntity, manager.create(AccountEntity, account));
    return saved.id;
  }

  async update(
    manager: EntityManager,
    id: number,
    change: Partial<Pick<AccountEntity, 'active' | 'passwordHash' | 'email'>>,
  ): Promise<void> {
    await manager.update(AccountEntity, { id }, change);
  }
}
