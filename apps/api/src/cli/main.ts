import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Command, InvalidArgumentError } from 'commander';
import { basename } from 'node:path';
import { templateFor, writeWorkbookFile } from '@profmonitor/workbook';
import { cleanFileName, parsePeriod, ROLES, type Role } from '@profmonitor/domain';
import { CoreModule } from '../app.module';
import { settingsOrExit } from '../config/settings';
import { CampaignsRepository } from '../campaign/campaigns.repository';
import { IndicatorInputs } from '../indicators/indicator-inputs';
import { IndicatorRecomputeService } from '../indicators/indicator-recompute.service';
import { IndicatorValuesRepository } from '../indicators/indicator-values.repository';
import { IndicatorsService } from '../indicators/indicators.service';
import { DemandService } from '../labor/demand.service';
import { ProfessionsService } from '../labor/professions.service';
import { HistoryService } from '../reports/history.service';
import { OrganizationsRepository } from '../organizations/organizations.repository';
import { AccountsService } from '../accounts/accounts.service';
import { CLI_PRINCIPAL } from '../accounts/principal';
import { AppError } from '../common/app-error';
import { UploadsService } from '../reports/uploads.service';
import { CarryOverService } from '../reports/carry-over.service';
import type { ImportResult } from '../reports/import/import-result';
import { copyDatabase } from '../database/database-copy';
import { addCampaignCommands } from './campaign-commands';
import { addReminderCommands } from './reminder-commands';
import { addReportCommands } from './report-commands';
import { loadDemo } from './demo';
import { demandJson, formatDemand, formatImportResult, formatIndicators, indicatorJson } from './format';

/** Runs a command on the application context (database open, migrations applied). */
async function withApp<T>(run: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(CoreModule, { logger: ['error', 'warn'] });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

/** A file named on the command line: stored under its cleaned name, and left where it is. */
const named = (file: string) => ({ path: file, fileName: cleanFileName(basename(file)), temporary: false });

/**
 * The title items `template school --org --period` fills in, as a school's own download has
 * them: the organization's code as the registry spells it, the period given or else the one
 * its report is due for (UploadsService.reportingPeriod).
 */
async function schoolTitle(options: { org?: string; period?: string }) {
  const given = options.period === undefined ? undefined : parsePeriod(options.period);
  if (given === null) {
    throw new InvalidArgumentError(`Учебный год «${options.period}»: укажите его так: 2025/2026.`);
  }
  const found =
    options.org === undefined
      ? undefined
      : await withApp(async (app) => {
          const organization = await app.get(OrganizationsRepository).findByCode(options.org!);
          if (!organization) {
            throw new InvalidArgumentError(
              `Организации «${options.org}» нет в реестре. Проверьте код или загрузите реестр (registry import).`,
            );
          }
          return { code: organization.code, due: await app.get(UploadsService).reportingPeriod() };
        });
  const organizationCode = found?.code;
  const period = given?.code ?? found?.due;
  return { ...(organizationCode && { organizationCode }), ...(period && { period }) };
}

function report(results: ImportResult[], json: boolean): void {
  console.log(json ? JSON.stringify(results, null, 2) : results.map(formatImportResult).join('\n'));
  process.exitCode = results.every((r) => r.accepted) ? 0 : 1;
}

export function buildCli(): Command {
  const program = new Command('profmonitor')
    .description('ПрофМонитор: загрузка отчётов, шаблоны, история версий')
    .showHelpAfterError();

  program
    .command('registry')
    .description('реестр организаций')
    .command('import <file>')
    .description('загрузить реестр организаций (лист «Организации»)')
    .option('--json', 'вывести результат в JSON')
    .option('--confirm', 'сохранить, даже если меняется состав отчитывающихся за уже загруженные годы')
    .action((file: string, options: { json?: boolean; confirm?: boolean }) =>
      withApp(async (app) => {
        try {
          const uploads = app.get(UploadsService);
          report(
            [await uploads.receiveRegistry(named(file), CLI_PRINCIPAL, !!options.confirm)],
            !!options.json,
          );
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'registry_changes_past') throw error;
          console.error(
            `${error.message}\nРеестр не сохранён. Чтобы сохранить его, повторите команду с --confirm.`,
          );
          process.exitCode = 1;
        }
      }),
    );

  program
    .command('import <files...>')
    .description(
      'загрузить отчёты школ и колледжей или потребность в кадрах; код выхода 0, если все файлы приняты целиком',
    )
    .option('--json', 'вывести массив результатов в JSON')
    .option(
      '--received-at <date-time>',
      'архив: когда файлы были получены на самом деле, ISO 8601, например 2024-05-31T14:30 (время муниципалитета) — по нему судят, сдан ли отчёт в срок',
    )
    .option(
      '--reason <text>',
      'причина загрузки в принятый отчёт или за закрытый сбор (записывается в журнал)',
    )
    .action((files: string[], options: { json?: boolean; receivedAt?: string; reason?: string }) =>
      withApp(async (app) => {
        const results: ImportResult[] = [];
        const { receivedAt, reason } = options;
        for (const file of files)
          results.push(
            await app.get(UploadsService).receive(named(file), CLI_PRINCIPAL, { receivedAt, reason }),
          );
        report(results, !!options.json);
      }),
    );

  program
    .command('template <kind>')
    .description(
      'создать шаблон: school (отчёт организации), vacancies (потребность в кадрах) или registry (реестр)',
    )
    .requiredOption('--out <file>', 'куда сохранить .xlsx')
    .option('--org <code>', 'для school: код организации из реестра — вписать в «Титул»')
    .option(
      '--period <period>',
      'для school: учебный год для «Титула», например 2024/2025 (с --org без него: текущий отчётный)',
    )
    .action(async (kind: string, options: { out: string; org?: string; period?: string }) => {
      if (kind !== 'school' && kind !== 'vacancies' && kind !== 'registry') {
        throw new InvalidArgumentError(
          `Неизвестный вид шаблона «${kind}»: укажите school, vacancies или registry.`,
        );
      }
      const filled = options.org !== undefined || options.period !== undefined;
      if (filled && kind !== 'school') {
        throw new InvalidArgumentError('--org и --period — только для шаблона school.');
      }
      const title = filled ? await schoolTitle(options) : undefined;
      // As a school's own download: its rows carried over from its last report (collect once).
      const { organizationCode: org, period } = title ?? {};
      const carried =
        org && period ? await withApp((app) => app.get(CarryOverService).contentFor(org, period)) : null;
      await writeWorkbookFile(templateFor(kind, title, carried ?? undefined), options.out);
      const items = title ? Object.values(title).join(', ') : '';
      console.log(`Шаблон сохранён: ${options.out}${items ? ` (в «Титуле»: ${items})` : ''}`);
      if (carried) console.log(carried.notes.title);
    });

  program
    .command('history')
    .description('версии каждого листа отчёта организации за учебный год')
    .requiredOption('--org <code>', 'код организации')
    .requiredOption('--period <period>', 'учебный год, например 2023/2024')
    .option('--json', 'вывести в JSON')
    .action((options: { org: string; period: string; json?: boolean }) =>
      withApp(async (app) => {
        const versions = await app.get(HistoryService).versions(options.org, options.period);
        if (options.json) return console.log(JSON.stringify(versions, null, 2));
        if (versions.length === 0)
          return console.log(`Нет принятых версий для ${options.org} за ${options.period}.`);
        for (const v of versions) {
          console.log(
            `${v.sheet.padEnd(10)} v${v.version}${v.current ? ' (текущая)' : '          '}  строк: ${String(v.rows).padEnd(6)} ${v.uploadedAt}  ${v.fileName}  ${v.sha256.slice(0, 12)}  ${v.uploadedBy}`,
          );
        }
      }),
    );

  program
    .command('indicators')
    .description('значения показателей за учебный год: организаций, муниципалитетов и региона')
    .requiredOption('--period <period>', 'учебный год, например 2023/2024')
    .option(
      '--municipality <name>',
      'только этот муниципалитет: его организации и его значения (без него: все и регион)',
    )
    .option('--org <code>', 'только эта организация')
    .option(
      '--json',
      'вывести массив {id, org, municipality, period, sheet, value, numerator, denominator, target, status}',
    )
    .action((options: { period: string; org?: string; municipality?: string; json?: boolean }) =>
      withApp(async (app) => {
        const values = await app
          .get(IndicatorsService)
          .values({ period: options.period, org: options.org, municipality: options.municipality });
        console.log(
          options.json ? JSON.stringify(values.map(indicatorJson), null, 2) : formatIndicators(values),
        );
      }),
    );

  program
    .command('demand')
    .description('потребность в кадрах против выбора выпускников по областям, индекс несоответствия')
    .requiredOption('--period <period>', 'учебный год, например 2023/2024')
    .option('--territory <territory>', 'Город или Регион (без него: Город, если есть, иначе Регион)')
    .option(
      '--municipality <name>',
      'выпускники, востребованные области и вакансии города этого муниципалитета (без него: региона)',
    )
    .option('--org <code>', 'выпускники одной организации вместо города')
    .option('--json', 'вывести {period, territory, municipality, date, mismatch, areas:[…]}')
    .action(
      (options: {
        period: string;
        territory?: string;
        municipality?: string;
        org?: string;
        json?: boolean;
      }) =>
        withApp(async (app) => {
          if (options.territory && options.territory !== 'Город' && options.territory !== 'Регион') {
            throw new InvalidArgumentError(`Территория «${options.territory}»: укажите Город или Регион.`);
          }
          const view = await app.get(DemandService).table(options.period, {
            territory: options.territory as 'Город' | 'Регион' | undefined,
            municipality: options.municipality,
            org: options.org,
          });
          console.log(options.json ? JSON.stringify(demandJson(view), null, 2) : formatDemand(view));
        }),
    );

  const professions = program.command('professions').description('справочник профессий: профессия → область');
  professions
    .command('list')
    .description('показать справочник')
    .action(() =>
      withApp(async (app) => {
        for (const m of await app.get(ProfessionsService).list()) {
          console.log(
            `${(m.okpdtr ?? '').padEnd(6)} ${(m.profession ?? '—').padEnd(50)} ${m.area} ${m.areaName}`,
          );
        }
      }),
    );
  professions
    .command('add')
    .description('дополнить справочник: профессия и/или код ОКПДТР → область')
    .requiredOption('--area <area>', 'код или название области, например 33')
    .option('--profession <name>', 'название профессии, как его пишут работодатели')
    .option('--okpdtr <code>', 'код ОКПДТР (пять цифр)')
    .action((options: { area: string; profession?: string; okpdtr?: string }) =>
      withApp(async (app) => {
        const added = await app.get(ProfessionsService).add(options, CLI_PRINCIPAL);
        console.log(`Добавлено: ${added.profession ?? added.okpdtr} → ${added.area} ${added.areaName}.`);
      }),
    );

  program
    .command('user')
    .description('учётные записи')
    .command('add')
    .description('создать учётную запись (первую — комитета — создают так)')
    .requiredOption('--login <login>', 'логин: латинские буквы, цифры, точки, дефисы')
    .requiredOption('--password <password>', 'пароль не короче 8 символов')
    .requiredOption(
      '--role <role>',
      'region (региональное министерство), committee (комитет), school (школа) или employment (центр занятости)',
    )
    .option('--org <code>', 'для школы: код организации из реестра')
    .option(
      '--municipality <name>',
      'для комитета и центра занятости: муниципалитет из реестра (комитету обязателен, если их в реестре несколько; центр занятости без него — региональный)',
    )
    .option('--email <address>', 'адрес электронной почты для напоминаний о сроках сдачи отчёта')
    .action(
      (options: {
        login: string;
        password: string;
        role: string;
        org?: string;
        municipality?: string;
        email?: string;
      }) =>
        withApp(async (app) => {
          if (!ROLES.includes(options.role as Role)) {
            throw new InvalidArgumentError(
              `Неизвестная роль «${options.role}»: укажите region, committee, school или employment.`,
            );
          }
          if (!/^[a-zA-Z0-9._-]{3,64}$/.test(options.login)) {
            throw new InvalidArgumentError(
              'Логин — от 3 до 64 латинских букв, цифр, точек, дефисов и подчёркиваний.',
            );
          }
          const account = await app
            .get(AccountsService)
            .create({ ...options, role: options.role as Role, organization: options.org }, CLI_PRINCIPAL);
          const details = [account.role, account.organization, account.municipality, account.email].filter(
            Boolean,
          );
          console.log(`Учётная запись создана: ${account.login} (${details.join(', ')}).`);
        }),
    );

  program
    .command('db')
    .description('база данных целиком')
    .command('copy')
    .description(
      'скопировать базу целиком (например, файл SQLite муниципалитета в PostgreSQL региона) и проверить копию',
    )
    .requiredOption('--from <url>', 'откуда: sqlite:<путь к файлу> или postgres://…')
    .requiredOption(
      '--to <url>',
      'куда: sqlite:<путь к файлу> или postgres://… (пустая база или база региона с другими муниципалитетами)',
    )
    .action(async (options: { from: string; to: string }) => {
      const tables = await copyDatabase(options.from, options.to, (manager) =>
        // Every period measured again: the merged registry may have other levels now.
        new IndicatorRecomputeService(
          new IndicatorInputs(
            manager.connection,
            new CampaignsRepository(manager.connection),
            settingsOrExit(),
          ),
          new IndicatorValuesRepository(manager.connection),
        ).registryChanged(manager, [], true),
      );
      const rows = tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `База скопирована и проверена: ${rows} строк в ${tables.length} таблицах, показатели пересчитаны.\n` +
          tables
            .map((t) => `${t.table.padEnd(28)} ${t.rows}${t.matched ? ` (уже были: ${t.matched})` : ''}`)
            .join('\n'),
      );
    });

  addCampaignCommands(program, withApp);
  addReminderCommands(program, withApp);
  addReportCommands(program, withApp);

  program
    .command('demo')
    .description('загрузить демонстрационные данные из data/demo в базу')
    .action(() => withApp((app) => loadDemo(app)));

  return program;
}

if (require.main === module) {
  // A wrong setting stops every command, with exit code 1, before anything is read or written.
  settingsOrExit();
  buildCli()
    .parseAsync()
    .catch((error: unknown) => {
      // Nest's HTTP exceptions carry the Russian message in their response.
      const response = (error as { getResponse?: () => unknown }).getResponse?.();
      const message = (response as { message?: unknown } | undefined)?.message;
      console.error(
        typeof message === 'string' ? message : error instanceof Error ? error.message : String(error),
      );
      process.exitCode = 2;
    });
}
