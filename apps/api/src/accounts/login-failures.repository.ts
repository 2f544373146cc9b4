import { Injectable } from '@nestjs/common';
import { In, LessThan, type EntityManager } from 'typeorm';
import { LoginFailureEntity } from './login-failure.entity';

export type FailureScope = LoginFailureEntity['scope'];

/** A failure as the limiter reads it back. */
export interface Failure {
  id: number;
  at: number;
}

/** The limiter's failures (login_failures); every call runs in the caller's write transaction. */
@Injectable()
export class LoginFailuresRepository {
  /** The newest `limit` failures of a key at or after `since`, oldest first. */
  async recent(
    manager: EntityManager,
    scope: FailureScope,
    key: string,
    since: number,
    limit: number,
  ): Promise<Failure[]> {
    const rows = await manager
      .createQueryBuilder(LoginFailureEntity, 'f')
      .select(['f.id', 'f.failedAt'])
      .where('f.scope = :scope AND f.key = :key AND f.failedAt > :since', { scope, key, since })
      .orderBy('f.failedAt', 'DESC')
      .addOrderBy('f.id', 'DESC')
      .limit(limit)
      .getMany();
    return rows.map((row) => ({ id: row.id, at: Number(row.failedAt) })).reverse();
  }

  async add(manager: EntityManager, scope: FailureScope, key: string, at: number): Promise<number> {
    const result = await manager.insert(LoginFailureEntity, { scope, key, failedAt: at });
    return Number(result.identifiers[0].id);
  }

  async removeKey(manager: EntityManager, scope: FailureScope, key: string): Promise<void> {
    await manager.delete(LoginFailureEntity, { scope, key });
  }

  async remove(manager: EntityManager, ids: number[]): Promise<void> {
    if (ids.length > 0) await manager.delete(LoginFailureEntity, { id: In(ids) });
  }

  /** Forgets the failures of a scope older than `before`. */
  async forgetBefore(manager: EntityManager, scope: FailureScope, before: number): Promise<void> {
    await manager.delete(LoginFailureEntity, { scope, failedAt: LessThan(before) });
  }
}
