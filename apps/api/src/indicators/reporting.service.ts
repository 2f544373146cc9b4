import { Injectable } from '@nestjs/common';
import {
  SHEET_APPLIES_TO,
  type CompletenessView,
  type DestinationLinkView,
  type SheetId,
} from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ReportVersionEntity } from '../reports/entities/report-version.entity';
import { GraduateRowEntity } from '../reports/entities/sheet-rows.entity';
import { IndicatorInputs } from './indicator-inputs';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';
import { SHEET_NAMES } from './sheet-headers';

const CLASS_NODE: Record<string, string> = {
  '9': 'Выпускники 9 классов',
  '11': 'Выпускники 11 классов',
  СПО: 'Выпускники колледжа (СПО)',
};

/** Who has reported what, and where graduates went. */
@Injectable()
export class ReportingService {
  constructor(
    private readonly repository: IndicatorsRepository,
    private readonly indicators: IndicatorsService,
    private readonly inputs: IndicatorInputs,
    private readonly dataSource: DataSource,
  ) {}

  /** Completeness per sheet with the organizations that have not sent it. */
  async completeness(periodCode: string): Promise<CompletenessView> {
    const period = this.indicators.period(await this.repository.periods(), periodCode);
    const organizations = await this.inputs.reportingOrganizations(this.dataSource.manager, period);
    const counts = (Object.keys(SHEET_NAMES) as SheetId[]).map((sheet) => {
      const expected = organizations.filter((o) => SHEET_APPLIES_TO[sheet].includes(o.type));
      const missing = expected.filter((o) => !o.sheets.has(sheet));
      return { sheet, expected, missing };
    });
    // Names only when someone is missing: the whole registry is not read on every page load.
    const names = counts.some((c) => c.missing.length > 0)
      ? new Map((await this.repository.organizations()).map((o) => [o.code, o.name]))
      : new Map<string, string>();
    const sheets = counts.map(({ sheet, expected, missing }) => {
      const reported = expected.length - missing.length;
      return {
        sheet,
        name: SHEET_NAMES[sheet],
        reported,
        expected: expected.length,
        value: expected.length > 0 ? reported / expected.length : null,
        missing: missing.map((o) => ({ code: o.code, name: names.get(o.code) ?? o.code })),
      };
    });
    return { period: period.code, sheets };
  }

  /** Class → destination → territory, counted over the current `Выпускники` sheets of the period. */
  async destinations(periodCode: string, org?: string): Promise<DestinationLinkView[]> {
    const period = this.indicators.period(await this.repository.periods(), periodCode);
    const query = this.dataSource.manager
      .createQueryBuilder(GraduateRowEntity, 'g')
      .innerJoin(ReportVersionEntity, 'v', 'v.id = g.versionId')
      .innerJoin(OrganizationEntity, 'o', 'o.id = v.organizationId')
      .select([
        'g.graduateClass AS "graduateClass"',
        'g.destination AS destination',
        'g.territory AS territory',
      ])
      .addSelect('COUNT(*)', 'graduates')
      .where('v.periodId = :periodId AND v.isCurrent = :current', { periodId: period.id, current: true })
      .groupBy('g.graduateClass, g.destination, g.territory');
    if (org) query.andWhere('UPPER(o.code) = UPPER(:code)', { code: org });
    const rows = await query.getRawMany<{
      graduateClass: string;
      destination: string;
      territory: string | null;
      graduates: number;
    }>();
    const links = new Map<string, DestinationLinkView>();
    const add = (source: string, target: string, value: number) => {
      const link = links.get(`${source}→${target}`) ?? { source, target, value: 0 };
      link.value += value;
      links.set(`${source}→${target}`, link);
    };
    for (const row of rows) {
      add(CLASS_NODE[row.graduateClass] ?? row.graduateClass, row.destination, Number(row.graduates));
      if (row.territory) add(row.destination, row.territory, Number(row.graduates));
    }
    return [...links.values()];
  }
}
