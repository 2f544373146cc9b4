import type { TestContext } from './test-context';
import { school } from './indicator-workbooks';

/** Grade 8's students and covered (coverage_8_11 = covered / students) by period and organization. */
export type CoverageByPeriod = Record<string, Record<string, [students: number, covered: number]>>;

/** Imports each organization's report of each period with only its grade-8 coverage, expecting each accepted. */
export async function importCoverage(ctx: TestContext, coverage: CoverageByPeriod): Promise<void> {
  for (const [period, byOrganization] of Object.entries(coverage))
    for (const [code, [students, covered]] of Object.entries(byOrganization)) {
      const result = await ctx.importSheets(
        school({ code, period, website: true, coverage: [[8, students, covered, 0]] }),
      );
      expect(result.outcome).toBe('accepted');
    }
}
