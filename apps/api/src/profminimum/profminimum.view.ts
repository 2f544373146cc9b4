import { groupBy, type ProfminimumSchoolView, type ProfminimumView } from '@profmonitor/domain';
import type { PeriodEntity } from '../organizations/period.entity';
import type {
  ProfminimumRepository,
  ProfminimumSchool,
  ProfminimumScope,
  StoredProfminimumRow,
} from './profminimum.repository';

/** The view of a scope's active schools as stored (no access check): two queries whatever their number. */
export async function readProfminimum(
  repository: ProfminimumRepository,
  period: Pick<PeriodEntity, 'id' | 'startYear' | 'code'>,
  scope: ProfminimumScope,
): Promise<ProfminimumView> {
  const schools = await repository.schools(period, scope);
  const rows = schools.some((s) => s.versionId !== null) ? await repository.rows(period, scope) : [];
  return { period: period.code, schools: profminimumSchools(schools, rows) };
}

/**
 * Each school with the rows of its current `Профминимум` version, grades ascending; sorted by
 * name. A school that has not sent the sheet is listed with no grades (`reported` false); it is
 * at the basic level only when it sent rows and every one is `Базовый`.
 */
export function profminimumSchools(
  schools: readonly ProfminimumSchool[],
  rows: readonly StoredProfminimumRow[],
): ProfminimumSchoolView[] {
  const byVersion = groupBy(rows, (row) => row.versionId);
  return schools
    .map(({ code, name, municipality, versionId }) => {
      const grades = (versionId === null ? [] : (byVersion.get(versionId) ?? []))
        .map(({ versionId: _, ...grade }) => grade)
        .sort((a, b) => a.grade - b.grade);
      return {
        org: code,
        name,
        municipality,
        reported: versionId !== null,
        grades,
        basicOnly: grades.length > 0 && grades.every((g) => g.level === 'Базовый'),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'ru') || a.org.localeCompare(b.org));
}
