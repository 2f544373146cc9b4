import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { areaByCode, findArea, normalizeName, type ProfessionMappingView } from '@profmonitor/domain';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { Principal } from '../accounts/principal';
import { AuditService } from '../audit/audit.service';
import { writeTransaction } from '../database/write-transaction';
import type { ProfessionAreaEntity } from './labor.entities';
import { ProfessionsRepository } from './professions.repository';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../config/settings.module';

export interface NewMapping {
  profession?: string | null;
  okpdtr?: string | null;
  /** An area code or name of the classifier. */
  area: string;
}

/**
 * The profession → area mapping that fills a vacancy row's missing area. The lines of
 * data/professions.csv are added at start when missing; the committee adds more over the API
 * or the CLI, and they stay.
 */
@Injectable()
export class ProfessionsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProfessionsService.name);

  constructor(
    /** Only to open write transactions; reads and writes go through the repository. */
    private readonly dataSource: DataSource,
    private readonly professions: ProfessionsRepository,
    private readonly audit: AuditService,
    @Inject(SETTINGS) private readonly settings: Pick<Settings, 'professionsFile'>,
  ) {}

  /** The mapping shipped with the product (PROFESSIONS_FILE): `okpdtr,profession,area` per line. */
  async onApplicationBootstrap(): Promise<void> {
    const file = this.settings.professionsFile;
    if (!existsSync(file)) {
      // Not fatal: the mapping only fills missing areas; without it such rows are errors.
      this.logger.warn(`Справочник профессий ${file} не найден: строки без области не будут дополнены.`);
      return;
    }
    const rows = parse(readFileSync(file, 'utf8'), { bom: true, columns: true, skipEmptyLines: true }) as {
      okpdtr: string;
      profession: string;
      area: string;
    }[];
    await writeTransaction(this.dataSource, async (manager) => {
      const known = await this.professions.all(manager);
      for (const row of rows) {
        const mapping = { profession: row.profession || null, okpdtr: row.okpdtr || null, area: row.area };
        const problem = this.problem(mapping, known);
        if (!problem) known.push(await this.professions.add(manager, this.entity(mapping)));
        else if (problem.kind !== 'known') this.logger.warn(`${file}: ${problem.message}`);
      }
    });
  }

  async list(manager?: EntityManager): Promise<ProfessionMappingView[]> {
    return (await this.professions.list(manager)).map(view);
  }

  async add(mapping: NewMapping, actor: Principal): Promise<ProfessionMappingView> {
    return writeTransaction(this.dataSource, async (manager) => {
      const known = await this.professions.all(manager);
      const problem = this.problem(mapping, known);
      if (problem?.kind === 'known') throw new AppError('profession_exists');
      if (problem?.kind === 'conflict') throw new AppError('profession_conflict', problem.message);
      if (problem?.kind === 'invalid') throw new AppError('profession_invalid', problem.message);
      const saved = await this.professions.add(manager, this.entity(mapping));
      await this.audit.record(
        {
          actor,
          action: 'profession-add',
          target: mapping.profession ?? mapping.okpdtr ?? null,
          details: { okpdtr: saved.okpdtr, area: saved.area },
        },
        manager,
      );
      return view(saved);
    });
  }

  /** Why a mapping cannot be added: the same line exists, it is malformed, or it contradicts one. */
  private problem(
    mapping: NewMapping,
    known: readonly ProfessionAreaEntity[],
  ): { kind: 'known' } | { kind: 'invalid' | 'conflict'; message: string } | undefined {
    const invalid = (message: string) => ({ kind: 'invalid' as const, message });
    const profession = mapping.profession?.trim() ? normalizeName(mapping.profession) : null;
    const okpdtr = mapping.okpdtr?.trim() || null;
    const area = findArea(mapping.area)?.code;
    if (!profession && !okpdtr) return invalid('Укажите профессию или код ОКПДТР (можно и то, и другое).');
    if (okpdtr && !/^\d{5}$/.test(okpdtr))
      return invalid(`Код ОКПДТР «${okpdtr}» — пять цифр, например 16675.`);
    if (!area) {
      return invalid(
        `Области профессиональной деятельности «${mapping.area}» нет в классификаторе: укажите код (например, 33) или название.`,
      );
    }
    if (known.some((k) => k.profession === profession && k.okpdtr === okpdtr && k.area === area)) {
      return { kind: 'known' };
    }
    const sameName = profession && known.find((k) => k.profession === profession && k.area !== area);
    if (sameName) {
      return {
        kind: 'conflict',
        message: `Профессия «${mapping.profession!.trim()}» уже отнесена к области ${sameName.area}.`,
      };
    }
    const sameCode = okpdtr && known.find((k) => k.okpdtr === okpdtr && k.area !== area);
    if (sameCode)
      return { kind: 'conflict', message: `Код ОКПДТР ${okpdtr} уже отнесён к области ${sameCode.area}.` };
    return undefined;
  }

  private entity(mapping: NewMapping): Partial<ProfessionAreaEntity> {
    return {
      profession: mapping.profession?.trim() ? normalizeName(mapping.profession) : null,
      okpdtr: mapping.okpdtr?.trim() || null,
      area: findArea(mapping.area)!.code,
    };
  }
}

function view(row: ProfessionAreaEntity): ProfessionMappingView {
  return {
    id: row.id,
    profession: row.profession,
    okpdtr: row.okpdtr,
    area: row.area,
    areaName: areaByCode(row.area)?.name ?? row.area,
  };
}
