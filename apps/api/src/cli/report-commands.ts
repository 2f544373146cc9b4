import type { INestApplicationContext } from '@nestjs/common';
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { AnnualReportService } from '../annual-report/annual-report.service';

/** How main.ts runs a command on the application context. */
type WithApp = <T>(run: (app: INestApplicationContext) => Promise<T>) => Promise<T>;

/**
 * `report --period P [--municipality M] --out <file.docx>`: the committee's analytic report, as
 * GET /api/annual-report gives it to the region (without --municipality: the region, or the
 * only municipality). A refusal prints its Russian message and writes nothing.
 */
export function addReportCommands(program: Command, withApp: WithApp): void {
  program
    .command('report')
    .description('аналитическая справка за учебный год (.docx)')
    .requiredOption('--period <period>', 'учебный год, например 2024/2025')
    .option('--municipality <name>', 'муниципалитет (без него — регион или единственный муниципалитет)')
    .requiredOption('--out <file.docx>', 'куда записать справку')
    .action((options: { period: string; municipality?: string; out: string }) =>
      withApp(async (app) => {
        const { content } = await app.get(AnnualReportService).document({
          period: options.period,
          ...(options.municipality !== undefined && { municipality: options.municipality }),
          home: null,
        });
        await writeFile(options.out, content);
        console.log(`Аналитическая справка за ${options.period} записана в ${options.out}.`);
      }),
    );
}
