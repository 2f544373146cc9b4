import { useMemo } from 'react';
import {
  sheetAppliesTo,
  type OrganizationView,
  type OrganizationType,
  type ProfminimumSchoolView,
} from '@profmonitor/domain';
import { useProfminimum } from '@/api/profminimum';
import { EChart } from '@/components/echart/EChart';
import { ErrorMessage, Loading } from '@/components/feedback/Feedback';
import { DataTable } from '@/components/table/DataTable';
import {
  PROFMINIMUM_COLORS,
  PROFMINIMUM_STACKS,
  profminimumBars,
  profminimumChartLabel,
  profminimumChartOption,
} from '@profmonitor/charts';
import { gradeColumns } from './profminimum';

/** One school's grades as stacked bars of students: the levels and those not covered. */
export function SchoolGradesChart({
  school,
  height = 260,
  legend = true,
}: {
  school: ProfminimumSchoolView;
  height?: number;
  /** False in a grid of schools that share one key ({@link ProfminimumKey}). */
  legend?: boolean;
}) {
  const option = useMemo(
    () => profminimumChartOption({ schools: [school], orientation: 'vertical', legend }),
    [school, legend],
  );
  const bars = useMemo(() => profminimumBars([school]), [school]);
  return (
    <EChart option={option} height={height} ariaLabel={`${school.name}. ${profminimumChartLabel(bars)}`} />
  );
}

/** The colours of the levels, once for a grid of charts drawn without their own legends. */
export function ProfminimumKey() {
  return (
    <p className="profminimum-key" aria-hidden="true">
      {PROFMINIMUM_STACKS.map((stack) => (
        <span key={stack}>
          <span className="profminimum-key__swatch" style={{ background: PROFMINIMUM_COLORS[stack] }} />
          {stack}
        </span>
      ))}
    </p>
  );
}

/** One school's grades: the stacked bars and the table of its rows of the sheet. */
export function SchoolGrades({ school, period }: { school: ProfminimumSchoolView; period: string }) {
  return (
    <>
      <SchoolGradesChart school={school} />
      <DataTable
        label={`Профминимум по классам: ${school.name}`}
        fileName={`Профминимум ${school.org} ${period}`}
        caption={`Лист «Профминимум» за ${period}: параллели 6–11 классов, уровень и охват`}
        columns={gradeColumns}
        rows={school.grades}
        rowKey={(row) => String(row.grade)}
        initialSort={{ column: 'grade', direction: 'asc' }}
        search={false}
        compact
      />
    </>
  );
}

/**
 * A school's career guidance minimum on its page: its grades when it sent the sheet for the
 * period; nothing for an organization the sheet is not for (a college), a line when not sent.
 */
export function SchoolProfminimum({
  organization,
  period,
}: {
  organization: OrganizationView;
  period: string;
}) {
  const applies = sheetAppliesTo('profminimum').includes(organization.type as OrganizationType);
  const answer = useProfminimum({ period, org: organization.code }, { enabled: applies });
  if (!applies) return null;
  const school = answer.data?.schools.find((s) => s.org === organization.code);
  return (
    <section className="card" aria-labelledby="org-profminimum">
      <h2 id="org-profminimum">Профминимум за {period}</h2>
      {answer.isPending ? (
        <Loading height={260} />
      ) : answer.isError ? (
        <ErrorMessage error={answer.error} what="профминимум" retry={() => void answer.refetch()} />
      ) : school?.reported ? (
        <SchoolGrades school={school} period={period} />
      ) : (
        <p className="muted">
          За {period} не сдан лист «Профминимум»: значений профминимума у организации нет (это не 0).
        </p>
      )}
    </section>
  );
}
