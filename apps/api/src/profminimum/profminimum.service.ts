import { Injectable } from '@nestjs/common';
import type { ProfminimumView } from '@profmonitor/domain';
import {
  assertMunicipality,
  assertOrganization,
  homeMunicipality,
  seesOrganization,
} from '../accounts/access-policy';
import type { Principal } from '../accounts/principal';
import { IndicatorsRepository } from '../indicators/indicators.repository';
import { IndicatorsService } from '../indicators/indicators.service';
import { organizationNotFound } from '../organizations/organization-not-found';
import { ProfminimumRepository, type ProfminimumScope } from './profminimum.repository';
import { readProfminimum } from './profminimum.view';

export interface ProfminimumQuery {
  period: string;
  /** A municipality the request names (any case); without it the account's own level. */
  municipality?: string;
  /** One school's, by code. */
  org?: string;
}

/** The career guidance minimum school by school: who teaches which grade at which level. */
@Injectable()
export class ProfminimumService {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly registry: IndicatorsRepository,
    private readonly repository: ProfminimumRepository,
  ) {}

  /**
   * A level's active schools (a municipality's, or the region's) or one school, each with its
   * current sheet; only those the account sees (a school its own, a bound committee its
   * municipality's, the employment center none: it sees no organization's own data).
   */
  async view(query: ProfminimumQuery, principal: Principal): Promise<ProfminimumView> {
    assertOrganization(principal, query.org);
    assertMunicipality(principal, query.municipality);
    const period = this.indicators.period(await this.registry.periods(), query.period);
    let scope: ProfminimumScope;
    if (query.org) {
      const organizationId = await this.registry.organizationId(query.org);
      if (organizationId === undefined) throw organizationNotFound(query.org);
      scope = { municipality: null, organizationId };
    } else {
      const levels = await this.indicators.levels();
      scope = {
        municipality: this.indicators.level(levels, query.municipality, homeMunicipality(principal)),
      };
    }
    const view = await readProfminimum(this.repository, period, scope);
    return { ...view, schools: view.schools.filter((s) => seesOrganization(principal, s.org)) };
  }

  /**
   * A level's active schools as stored (null: the region's), for the analytic report: no access
   * check, its reader asks for the level it may see.
   */
  async ofLevel(periodCode: string, municipality: string | null): Promise<ProfminimumView> {
    const period = this.indicators.period(await this.registry.periods(), periodCode);
    return readProfminimum(this.repository, period, { municipality });
  }
}
