import { Injectable } from '@nestjs/common';
import {
  clip,
  groupBy,
  isCalendarDate,
  sameMunicipality,
  type CycleAnalysisView,
  type CycleCommentView,
  type CycleDecisionView,
  type CycleEffectivenessView,
  type CycleGroupMoveView,
  type CycleMeasureView,
  type CyclePooledView,
  type CycleRecommendationView,
} from '@profmonitor/domain';
import { DataSource } from 'typeorm';
import {
  assertMunicipality,
  assertOrganization,
  homeMunicipality,
  visibleValues,
} from '../accounts/access-policy';
import type { Principal } from '../accounts/principal';
import { AuditService, type AuditRecord } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { writeTransaction } from '../database/write-transaction';
import { IndicatorsService } from '../indicators/indicators.service';
import { organizationNotFound } from '../organizations/organization-not-found';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { PeriodEntity } from '../organizations/period.entity';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import {
  CycleAddresseeEntity,
  CycleAnalysisEntity,
  CycleCommentEntity,
  CycleDecisionEntity,
  CycleMeasureEntity,
  CycleMeasureOrganizationEntity,
  CycleRecommendationEntity,
} from './cycle.entities';
import type { NewCommentDto, NewDecisionDto, NewMeasureDto, NewRecommendationDto } from './cycle.dto';
import { CycleRepository, type OrganizationRatio } from './cycle.repository';

/** A level's cycle of a period as the analytic report prints it (CycleService.record). */
export interface CycleRecord {
  analyses: CycleAnalysisView[];
  recommendations: CycleRecommendationView[];
  measures: CycleMeasureView[];
  decisions: CycleDecisionView[];
  /** The previous period's recommendations and how their indicator moved by this period. */
  earlier: { recommendation: CycleRecommendationView; effectiveness: CycleEffectivenessView }[];
}

/** A period and level a request is about. */
interface Level {
  period: PeriodEntity;
  municipality: string | null;
}

/**
 * The management cycle (issue 15, item 3) of a period and level: a municipality's (its committee
 * and the region) or, with several municipalities, the region's own (the region only). A bound
 * committee reads and writes only its municipality's, and names only its organizations; a school
 * sees the recommendations addressed to its organization and answers them. Comments pinned to a
 * value are seen by whoever sees that value (visibleValues). Every write is audited.
 */
@Injectable()
export class CycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CycleRepository,
    private readonly indicators: IndicatorsService,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  // ---- Analyses

  /** The current analysis of each indicator of the level that has one. */
  async analyses(periodCode: string, municipality: string | undefined, actor: Principal) {
    const level = await this.level(periodCode, municipality, actor);
    return this.currentAnalyses(level);
  }

  /** Every version of an indicator's analysis of the level, newest first. */
  async analysisHistory(
    periodCode: string,
    municipality: string | undefined,
    indicator: string,
    actor: Principal,
  ): Promise<CycleAnalysisView[]> {
    this.indicators.definition(indicator);
    const level = await this.level(periodCode, municipality, actor);
    const rows = await this.repository.analyses(level.period.id, level.municipality, indicator);
    return rows.map((_, i) => analysisView(rows.slice(0, i + 1), level)).reverse();
  }

  /** Writes the indicator's analysis anew; the earlier versions are kept. */
  async writeAnalysis(
    periodCode: string,
    municipality: string | undefined,
    indicator: string,
    text: string,
    actor: Principal,
  ): Promise<CycleAnalysisView> {
    this.indicators.definition(indicator);
    const level = await this.level(periodCode, municipality, actor);
    return writeTransaction(this.dataSource, async (manager) => {
      await manager.insert(CycleAnalysisEntity, {
        periodId: level.period.id,
        municipality: level.municipality,
        indicator,
        text,
        writtenBy: actor.login,
      });
      await this.audit.record(
        this.entry(actor, 'cycle-analysis', `${indicator} ${level.period.code}`, level, { text }),
        manager,
      );
      const versions = await manager.find(CycleAnalysisEntity, {
        where: { periodId: level.period.id, indicator },
        order: { id: 'ASC' },
      });
      return analysisView(
        versions.filter((v) => v.municipality === level.municipality),
        level,
      );
    });
  }

  // ---- Recommendations

  /** The level's recommendations of a period (or every period); a school's: those addressed to it. */
  async recommendations(
    periodCode: string | undefined,
    municipality: string | undefined,
    actor: Principal,
  ): Promise<CycleRecommendationView[]> {
    if (actor.role === 'school') {
      const periodId = periodCode ? (await this.period(periodCode)).id : undefined;
      const rows = await this.repository.recommendations({ periodId, organizationId: actor.organizationId! });
      return this.recommendationViews(rows, actor.organizationId);
    }
    const levels = await this.indicators.levels();
    const level = this.levelName(levels, municipality, actor);
    const periodId = periodCode ? (await this.period(periodCode)).id : undefined;
    return this.recommendationViews(await this.repository.recommendations({ periodId, municipality: level }));
  }

  async recommend(body: NewRecommendationDto, actor: Principal): Promise<CycleRecommendationView> {
    this.indicators.definition(body.indicator);
    const level = await this.level(body.period, body.municipality, actor);
    const due = this.date(body.due, 'Срока исполнения');
    const orgs = await this.addressable(body.orgs, level, actor);
    const id = await writeTransaction(this.dataSource, async (manager) => {
      const { identifiers } = await manager.insert(CycleRecommendationEntity, {
        periodId: level.period.id,
        municipality: level.municipality,
        indicator: body.indicator,
        text: body.text,
        dueOn: due,
        createdBy: actor.login,
      });
      const recommendationId = Number(identifiers[0].id);
      await manager.insert(
        CycleAddresseeEntity,
        orgs.map((o) => ({
          recommendationId,
          organizationId: o.id,
          answer: null,
          answeredBy: null,
          answeredAt: null,
        })),
      );
      await this.audit.record(
        this.entry(actor, 'cycle-recommendation', `рекомендация ${recommendationId}`, level, {
          indicator: body.indicator,
          text: body.text,
          due,
          orgs: orgs.map((o) => o.code),
        }),
        manager,
      );
      return recommendationId;
    });
    return (await this.recommendationViews(await this.repository.recommendations({ id })))[0];
  }

  /** A school's answer to a recommendation addressed to its organization (a new answer replaces it). */
  async answer(idText: string, text: string, actor: Principal): Promise<CycleRecommendationView> {
    const recommendation = await this.recommendation(idText);
    const addressee = (await this.repository.addressees([recommendation.id])).find(
      (a) => a.organizationId === actor.organizationId,
    );
    if (!addressee) throw new AppError('recommendation_not_addressed');
    await writeTransaction(this.dataSource, async (manager) => {
      await manager.update(CycleAddresseeEntity, addressee.id, {
        answer: text,
        answeredBy: actor.login,
        answeredAt: new Date(),
      });
      await this.audit.record(
        {
          actor,
          action: 'cycle-answer',
          target: `рекомендация ${recommendation.id}`,
          details: {
            period: recommendation.period!.code,
            org: addressee.organization!.code,
            text,
            ...(addressee.answer !== null ? { previous: addressee.answer } : {}),
          },
        },
        manager,
      );
    });
    const rows = await this.repository.recommendations({ id: recommendation.id });
    return (await this.recommendationViews(rows, actor.organizationId))[0];
  }

  /**
   * How the recommendation's indicator moved from its period to the next: pooled over the
   * organizations it addressed and over the level's other organizations, each period's
   * Σ numerators / Σ denominators of the organizations' stored values (an indicator without
   * them, the mismatch index, has none).
   */
  async effectiveness(idText: string, actor: Principal): Promise<CycleEffectivenessView> {
    const recommendation = await this.recommendation(idText);
    const levels = await this.indicators.levels();
    this.assertLevel(levels.several, recommendation.municipality, actor);
    return this.effectivenessOf(recommendation, levels.several);
  }

  // ---- The analytic report

  /**
   * A level's whole cycle of a period for the analytic report: the analyses, the period's
   * recommendations with their answers, measures and decisions, and how the previous period's
   * recommendations worked out by this one. The report has checked the account's access.
   */
  async record(periodCode: string, municipality: string | null): Promise<CycleRecord> {
    const level: Level = { period: await this.period(periodCode), municipality };
    const levels = await this.indicators.levels();
    const previous = (await this.organizations.findPeriods()).find(
      (p) => p.startYear === level.period.startYear - 1,
    );
    const earlier = previous
      ? await this.repository.recommendations({ periodId: previous.id, municipality })
      : [];
    return {
      analyses: await this.currentAnalyses(level),
      recommendations: await this.recommendationViews(
        await this.repository.recommendations({ periodId: level.period.id, municipality }),
      ),
      measures: await this.measureViews(await this.repository.measures(level.period.id, municipality)),
      decisions: (await this.repository.decisions(level.period.id, municipality)).map(decisionView),
      earlier: await Promise.all(
        (await this.recommendationViews(earlier)).map(async (recommendation, i) => ({
          recommendation,
          effectiveness: await this.effectivenessOf(earlier[i], levels.several),
        })),
      ),
    };
  }

  /** The current (last written) analysis of each indicator of the level that has one. */
  private async currentAnalyses(level: Level): Promise<CycleAnalysisView[]> {
    const rows = await this.repository.analyses(level.period.id, level.municipality);
    return [...groupBy(rows, (row) => row.indicator).values()].map((versions) =>
      analysisView(versions, level),
    );
  }

  private async effectivenessOf(
    recommendation: CycleRecommendationEntity,
    several: boolean,
  ): Promise<CycleEffectivenessView> {
    const period = recommendation.period!;
    const next = (await this.organizations.findPeriods()).find((p) => p.startYear === period.startYear + 1);
    const addressed = new Set(
      (await this.repository.addressees([recommendation.id])).map((a) => a.organizationId),
    );
    const others = new Set(
      (await this.repository.organizationsOf(several ? recommendation.municipality : null))
        .map((o) => o.id)
        .filter((id) => !addressed.has(id)),
    );
    const before = await this.repository.organizationRatios(period.id, recommendation.indicator);
    const after = next ? await this.repository.organizationRatios(next.id, recommendation.indicator) : null;
    const move = (group: Set<number>): CycleGroupMoveView => {
      const was = pool(before, group);
      const is = after ? pool(after, group) : null;
      return {
        before: was,
        after: is,
        change: is?.value != null && was.value !== null ? is.value - was.value : null,
      };
    };
    return {
      recommendation: recommendation.id,
      indicator: recommendation.indicator,
      period: period.code,
      nextPeriod: next?.code ?? null,
      addressed: move(addressed),
      others: move(others),
    };
  }

  // ---- Measures and decisions

  async measures(periodCode: string, municipality: string | undefined, actor: Principal) {
    const level = await this.level(periodCode, municipality, actor);
    return this.measureViews(await this.repository.measures(level.period.id, level.municipality));
  }

  async addMeasure(body: NewMeasureDto, actor: Principal): Promise<CycleMeasureView> {
    const level = await this.level(body.period, body.municipality, actor);
    const from = this.date(body.from, 'Даты мероприятия');
    const until = body.until === undefined ? null : this.date(body.until, 'Даты окончания');
    if (until !== null && until < from)
      throw new AppError('invalid_cycle_date', 'Мероприятие не может закончиться раньше, чем началось.');
    const orgs = await this.addressable(body.orgs, level, actor);
    const id = await writeTransaction(this.dataSource, async (manager) => {
      const { identifiers } = await manager.insert(CycleMeasureEntity, {
        periodId: level.period.id,
        municipality: level.municipality,
        text: body.text,
        fromOn: from,
        untilOn: until,
        responsible: body.responsible,
        createdBy: actor.login,
      });
      const measureId = Number(identifiers[0].id);
      await manager.insert(
        CycleMeasureOrganizationEntity,
        orgs.map((o) => ({ measureId, organizationId: o.id })),
      );
      await this.audit.record(
        this.entry(actor, 'cycle-measure', `мероприятие ${measureId}`, level, {
          text: body.text,
          from,
          until,
          responsible: body.responsible,
          orgs: orgs.map((o) => o.code),
        }),
        manager,
      );
      return measureId;
    });
    const all = await this.repository.measures(level.period.id, level.municipality);
    return (await this.measureViews(all.filter((m) => m.id === id)))[0];
  }

  async decisions(periodCode: string, municipality: string | undefined, actor: Principal) {
    const level = await this.level(periodCode, municipality, actor);
    return (await this.repository.decisions(level.period.id, level.municipality)).map(decisionView);
  }

  async addDecision(body: NewDecisionDto, actor: Principal): Promise<CycleDecisionView> {
    const level = await this.level(body.period, body.municipality, actor);
    const date = this.date(body.date, 'Даты решения');
    const id = await writeTransaction(this.dataSource, async (manager) => {
      const { identifiers } = await manager.insert(CycleDecisionEntity, {
        periodId: level.period.id,
        municipality: level.municipality,
        text: body.text,
        decidedOn: date,
        basis: body.basis,
        createdBy: actor.login,
      });
      const decisionId = Number(identifiers[0].id);
      await this.audit.record(
        this.entry(actor, 'cycle-decision', `решение ${decisionId}`, level, {
          text: body.text,
          date,
          basis: body.basis,
        }),
        manager,
      );
      return decisionId;
    });
    const all = await this.repository.decisions(level.period.id, level.municipality);
    return decisionView(all.find((d) => d.id === id)!);
  }

  // ---- Comments

  /** The period's comments on values the account sees. */
  async comments(periodCode: string, indicator: string | undefined, actor: Principal) {
    const period = await this.period(periodCode);
    const rows = await this.repository.comments(period.id, indicator);
    return visibleValues(actor, rows.map(commentView));
  }

  /** Pins a comment to a value the account sees: an organization's, or a pooled level's. */
  async comment(body: NewCommentDto, actor: Principal): Promise<CycleCommentView> {
    this.indicators.definition(body.indicator);
    const period = await this.period(body.period);
    let organization: OrganizationEntity | null = null;
    let municipality: string | null = null;
    if (body.org) {
      assertOrganization(actor, body.org);
      organization = (await this.organizations.findByCode(body.org)) ?? null;
      if (!organization) throw organizationNotFound(body.org);
    } else {
      const levels = await this.indicators.levels();
      municipality = this.indicators.level(levels, body.municipality, homeMunicipality(actor));
      assertMunicipality(actor, municipality ?? undefined);
    }
    const id = await writeTransaction(this.dataSource, async (manager) => {
      const { identifiers } = await manager.insert(CycleCommentEntity, {
        periodId: period.id,
        indicator: body.indicator,
        organizationId: organization?.id ?? null,
        municipality,
        text: body.text,
        author: actor.login,
      });
      await this.audit.record(
        {
          actor,
          action: 'cycle-comment',
          target: `${body.indicator} ${period.code}`,
          details: { org: organization?.code ?? null, municipality, text: body.text },
        },
        manager,
      );
      return Number(identifiers[0].id);
    });
    return (await this.repository.comments(period.id, body.indicator))
      .map(commentView)
      .find((c) => c.id === id)!;
  }

  // ---- Rules

  /** The period and level a request names, refused for a committee of another municipality. */
  private async level(
    periodCode: string,
    municipality: string | undefined,
    actor: Principal,
  ): Promise<Level> {
    const levels = await this.indicators.levels();
    const name = this.levelName(levels, municipality, actor);
    return { period: await this.period(periodCode), municipality: name };
  }

  private levelName(
    levels: { municipalities: string[]; several: boolean },
    municipality: string | undefined,
    actor: Principal,
  ): string | null {
    const name = this.indicators.level(levels, municipality, homeMunicipality(actor));
    this.assertLevel(levels.several, name, actor);
    return name;
  }

  /** A committee bound to a municipality works only on its own (not the region's, not another's). */
  private assertLevel(several: boolean, level: string | null, actor: Principal): void {
    const home = homeMunicipality(actor);
    if (!several || home === null || sameMunicipality(level, home)) return;
    throw new AppError(
      'municipality_forbidden',
      `Анализ, рекомендации и решения ${level === null ? 'региона ведёт региональная учётная запись' : `муниципалитета «${level}» ведёт его комитет`}; ваш муниципалитет — «${home}».`,
    );
  }

  private async period(code: string): Promise<PeriodEntity> {
    return this.indicators.period(await this.organizations.findPeriods(), code);
  }

  private async recommendation(idText: string): Promise<CycleRecommendationEntity> {
    const id = /^\d{1,9}$/.test(idText) ? Number(idText) : NaN;
    const [found] = Number.isNaN(id) ? [] : await this.repository.recommendations({ id });
    if (!found) throw new AppError('recommendation_not_found', `Рекомендации «${clip(idText, 20)}» нет.`);
    return found;
  }

  /** A day that exists, YYYY-MM-DD (the format is checked by the request's validation). */
  private date(text: string, what: string): string {
    if (!isCalendarDate(text))
      throw new AppError('invalid_cycle_date', `${what} «${text}» не бывает: проверьте число и месяц.`);
    return text;
  }

  /**
   * The organizations a recommendation or measure names: each in the registry, seen by the
   * account (a bound committee: its municipality's), and of the level's municipality.
   */
  private async addressable(codes: string[], level: Level, actor: Principal): Promise<OrganizationEntity[]> {
    for (const code of codes) assertOrganization(actor, code);
    const found = await this.repository.organizationsByCode(codes);
    const orgs: OrganizationEntity[] = [];
    for (const code of codes) {
      const org = found.get(code.toUpperCase());
      if (!org) throw organizationNotFound(code);
      if (level.municipality !== null && !sameMunicipality(org.municipality, level.municipality))
        throw new AppError(
          'invalid_parameters',
          `Организация ${org.code} — не из муниципалитета «${level.municipality}»: укажите его организации.`,
        );
      if (!orgs.includes(org)) orgs.push(org);
    }
    return orgs;
  }

  private entry(
    actor: Principal,
    action: AuditRecord['action'],
    target: string,
    level: Level,
    details: Record<string, unknown>,
  ): AuditRecord {
    return {
      actor,
      action,
      target,
      details: { period: level.period.code, municipality: level.municipality, ...details },
    };
  }

  private async recommendationViews(
    rows: CycleRecommendationEntity[],
    onlyOrganization?: number | null,
  ): Promise<CycleRecommendationView[]> {
    const addressees = await this.repository.addressees(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      period: r.period!.code,
      municipality: r.municipality,
      indicator: r.indicator,
      text: r.text,
      due: r.dueOn,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      addressees: addressees
        .filter((a) => a.recommendationId === r.id)
        .filter((a) => onlyOrganization === undefined || a.organizationId === onlyOrganization)
        .map((a) => ({
          org: a.organization!.code,
          name: a.organization!.shortName ?? a.organization!.name,
          answer:
            a.answer === null
              ? null
              : {
                  text: a.answer,
                  answeredBy: a.answeredBy ?? '',
                  answeredAt: (a.answeredAt ?? new Date(0)).toISOString(),
                },
        })),
    }));
  }

  private async measureViews(rows: CycleMeasureEntity[]): Promise<CycleMeasureView[]> {
    const orgs = await this.repository.measureOrganizations(rows.map((m) => m.id));
    return rows.map((m) => ({
      id: m.id,
      period: m.period!.code,
      municipality: m.municipality,
      text: m.text,
      from: m.fromOn,
      until: m.untilOn,
      responsible: m.responsible,
      orgs: orgs.filter((o) => o.measureId === m.id).map((o) => o.organization!.code),
      createdBy: m.createdBy,
      createdAt: m.createdAt.toISOString(),
    }));
  }
}

function analysisView(versions: CycleAnalysisEntity[], level: Level): CycleAnalysisView {
  const current = versions[versions.length - 1];
  return {
    period: level.period.code,
    municipality: level.municipality,
    indicator: current.indicator,
    text: current.text,
    writtenBy: current.writtenBy,
    writtenAt: current.writtenAt.toISOString(),
    earlierVersions: versions.length - 1,
  };
}

function decisionView(d: CycleDecisionEntity): CycleDecisionView {
  return {
    id: d.id,
    period: d.period!.code,
    municipality: d.municipality,
    text: d.text,
    date: d.decidedOn,
    basis: d.basis,
    createdBy: d.createdBy,
    createdAt: d.createdAt.toISOString(),
  };
}

function commentView(c: CycleCommentEntity): CycleCommentView {
  return {
    id: c.id,
    period: c.period!.code,
    indicator: c.indicator,
    org: c.organization?.code ?? null,
    municipality: c.municipality,
    text: c.text,
    author: c.author,
    createdAt: c.createdAt.toISOString(),
  };
}

/** Σ numerators / Σ denominators of a group's organizations that have a value. */
function pool(ratios: OrganizationRatio[], group: Set<number>): CyclePooledView {
  const members = ratios.filter((r) => group.has(r.organizationId));
  if (members.length === 0) return { organizations: 0, numerator: null, denominator: null, value: null };
  const numerator = members.reduce((sum, r) => sum + r.numerator, 0);
  const denominator = members.reduce((sum, r) => sum + r.denominator, 0);
  return {
    organizations: members.length,
    numerator,
    denominator,
    value: denominator > 0 ? numerator / denominator : null,
  };
}
