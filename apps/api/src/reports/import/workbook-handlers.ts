import { Injectable } from '@nestjs/common';
import {
  activeIn,
  demandMunicipality,
  measuredGraduate,
  parsePeriod,
  periodContaining,
  REPORTING_TYPES,
  SHEET_NAMES,
  schoolWorkbook,
  sheetAppliesTo,
  isOptionalSheet,
  vacanciesWorkbook,
  type DemandTerritory,
  type GraduateRow,
  type OrganizationType,
  type Period,
  type SchoolTitle,
  type SheetId,
  type VacanciesTitle,
  type WorkbookKind,
  type WorkbookKindId,
} from '@profmonitor/domain';
import { DEFAULT_LIMITS } from '@profmonitor/workbook';
import type { EntityManager } from 'typeorm';
import { IndicatorInputs } from '../../indicators/indicator-inputs';
import {
  IndicatorRecomputeService,
  type CommittedSheet as CommittedSchoolSheet,
} from '../../indicators/indicator-recompute.service';
import { LaborDemandStore, type DemandScope } from '../../labor/labor-demand.store';
import { OrganizationsRepository } from '../../organizations/organizations.repository';
import { PeriodsService } from '../../organizations/periods.service';
import type { ImportResult } from './import-result';
import { ReportVersionStore, type ReportScope } from './report-version.store';
import type { SheetStore } from './sheet-store';

/** Whose and when: what the title sheet resolves to, or the file-level errors that reject the file. */
export type Resolution<Scope> = { scope: Scope; period: Period } | { errors: string[] };

/** What differs between workbook kinds during an import; the pipeline itself is shared. */
export interface WorkbookHandler<Scope = unknown> {
  kind: WorkbookKind;
  store: SheetStore<Scope>;
  /** Reads the organization and period (or territory and date) from the title; fills the result. */
  resolve(
    manager: EntityManager,
    title: Record<string, unknown>,
    result: ImportResult,
  ): Promise<Resolution<Scope>>;
  /** A sheet this scope does not report: the warning to give instead of storing it. */
  notApplicable?(sheetId: string, scope: Scope): string | undefined;
  /**
   * A sheet that may be left out: one without rows is taken as not sent (stored, it would count
   * as sent, and its organization would no longer be among those that did not send it).
   */
  optional?(sheetId: string): boolean;
  /** The title is stored as a sheet of its own (the school's website section lives there). */
  storesTitle: boolean;
  /** Up to how many rows of a sheet afterCommit gets as parsed (a longer sheet: none); 0 for none. */
  keptRows: number;
  /** What afterCommit needs of a stored row (the whole row when absent). */
  kept?(sheet: string, row: object): object;
  /** After accepted sheets were committed, in the same transaction: bring the indicators up to date. */
  afterCommit(manager: EntityManager, scope: Scope, committed: readonly CommittedSheet[]): Promise<void>;
}

/** A sheet the import committed: whether it replaced a current version, and its rows if kept. */
export interface CommittedSheet {
  sheet: string;
  replaced: boolean;
  rows?: readonly object[];
}

/** A school's or college's report: whose (with what the indicators need to know of it), for when. */
export type SchoolScope = ReportScope & {
  organizationCode: string;
  organizationType: OrganizationType;
  organizationMunicipality: string;
  startYear: number;
};

/** Who sends a sheet, in the warning for a sheet an organization does not send: «только школы». */
const TYPE_PLURAL: Record<OrganizationType, string> = {
  Школа: 'школы',
  Колледж: 'колледжи',
  'Дополнительное образование': 'организации дополнительного образования',
};
/** Whose report it is, in the same warning: «для колледжа». */
const TYPE_GENITIVE: Record<OrganizationType, string> = {
  Школа: 'школы',
  Колледж: 'колледжа',
  'Дополнительное образование': 'организации дополнительного образования',
};

@Injectable()
export class SchoolWorkbookHandler implements WorkbookHandler<SchoolScope> {
  readonly kind = schoolWorkbook;
  readonly storesTitle = true;
  // The recomputation measures the school from the rows the import stored instead of reading
  // them back: kept as they come from the spool, they cost less time and memory than the same
  // rows read back as entities (see docs/benchmarks.md). A sheet longer than this is read back.
  keptRows = DEFAULT_LIMITS.maxRowsPerSheet;

  /** Graduates are kept with the fields the indicators read only: the bulk of a long sheet. */
  kept(sheet: string, row: object): object {
    return sheet === 'graduates' ? measuredGraduate(row as GraduateRow) : row;
  }

  constructor(
    readonly store: ReportVersionStore,
    private readonly periods: PeriodsService,
    private readonly organizations: OrganizationsRepository,
    private readonly indicators: IndicatorRecomputeService,
  ) {}

  afterCommit(
    manager: EntityManager,
    scope: SchoolScope,
    committed: readonly CommittedSheet[],
  ): Promise<void> {
    return this.indicators.organizationChanged(manager, {
      organization: {
        id: scope.organizationId,
        code: scope.organizationCode,
        type: scope.organizationType,
        municipality: scope.organizationMunicipality,
      },
      period: { id: scope.periodId, startYear: scope.startYear },
      committed: committed as readonly CommittedSchoolSheet[],
    });
  }

  async resolve(manager: EntityManager, record: Record<string, unknown>, result: ImportResult) {
    const title = record as Partial<SchoolTitle>;
    const errors: string[] = [];
    const period = title.period ? parsePeriod(title.period) : null;
    if (!title.organizationCode) {
      errors.push(
        'На листе «Титул» не указан код организации. Заполните строку «Код организации» кодом из реестра.',
      );
    }
    if (!period) {
      errors.push(
        'На листе «Титул» не указан учебный год или он записан неверно. Укажите его в строке «Учебный год», например 2023/2024.',
      );
    }
    if (!title.organizationCode || !period) return { errors };
    result.period = period.code;
    const organization = await this.organizations.findByCode(title.organizationCode, manager);
    if (!organization) {
      return {
        errors: [
          `Организация с кодом «${title.organizationCode}» не найдена в реестре. Проверьте код на листе «Титул» — он должен совпадать с кодом в реестре организаций — или обратитесь в комитет.`,
        ],
      };
    }
    result.organization = organization.code;
    if (!REPORTING_TYPES.includes(organization.type)) {
      return {
        errors: [
          `«${organization.name}» (${organization.code}) — организация типа «${organization.type}»: отчёты о профессиональном самоопределении сдают только школы и колледжи.`,
        ],
      };
    }
    if (!activeIn(organization, period.startYear)) {
      return {
        errors: [
          `Организация «${organization.name}» (${organization.code}) по реестру не действует в ${period.code} учебном году, поэтому отчёт за этот год не принимается. Проверьте учебный год на листе «Титул».`,
        ],
      };
    }
    const periodRow = await this.periods.ensure(manager, period);
    return {
      scope: {
        organizationId: organization.id,
        periodId: periodRow.id,
        organizationCode: organization.code,
        organizationType: organization.type,
        organizationMunicipality: organization.municipality,
        startYear: period.startYear,
      },
      period,
    };
  }

  /** A sheet the organization's type does not send (Охват, Профминимум: schools only; see the indicators' spec). */
  notApplicable(sheetId: string, scope: { organizationType: OrganizationType }): string | undefined {
    const sheet = sheetId as SheetId;
    if (!(sheet in SHEET_NAMES) || sheetAppliesTo(sheet).includes(scope.organizationType)) return undefined;
    const who = sheetAppliesTo(sheet)
      .map((type) => TYPE_PLURAL[type])
      .join(' и ');
    return `Лист «${SHEET_NAMES[sheet]}» заполняют только ${who}, поэтому для ${TYPE_GENITIVE[scope.organizationType]} он не загружен.`;
  }

  /** Профминимум: a school without it has no value for its indicators (indicators.md). */
  optional(sheetId: string): boolean {
    return sheetId in SHEET_NAMES && isOptionalSheet(sheetId as SheetId);
  }
}

@Injectable()
export class VacanciesWorkbookHandler implements WorkbookHandler<DemandScope> {
  readonly kind = vacanciesWorkbook;
  readonly storesTitle = false;
  readonly keptRows = 0;

  constructor(
    readonly store: LaborDemandStore,
    private readonly periods: PeriodsService,
    private readonly inputs: IndicatorInputs,
    private readonly indicators: IndicatorRecomputeService,
  ) {}

  afterCommit(manager: EntityManager, scope: DemandScope): Promise<void> {
    return this.indicators.periodChanged(manager, scope.periodId);
  }

  async resolve(manager: EntityManager, record: Record<string, unknown>, result: ImportResult) {
    const title = record as Partial<VacanciesTitle>;
    const errors: string[] = [];
    if (!title.territory)
      errors.push('На листе «Титул» не указана территория: укажите «Город» или «Регион».');
    if (!title.asOf) errors.push('На листе «Титул» не указана дата, на которую даны вакансии (ДД.ММ.ГГГГ).');
    if (!title.territory || !title.asOf) return { errors };
    const territory = title.territory as DemandTerritory;
    const period = periodContaining(title.asOf);
    Object.assign(result, { territory, asOf: title.asOf, period: period.code });
    const whose = demandMunicipality({ ...title, territory }, await this.inputs.municipalities(manager));
    if ('error' in whose) return { errors: [whose.error] };
    result.municipality = whose.municipality;
    const periodRow = await this.periods.ensure(manager, period);
    return {
      scope: { territory, asOf: title.asOf, municipality: whose.municipality, periodId: periodRow.id },
      period,
    };
  }
}

export type ImportableKind = Extract<WorkbookKindId, 'school' | 'vacancies'>;
