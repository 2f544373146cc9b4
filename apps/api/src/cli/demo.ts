import type { INestApplicationContext } from '@nestjs/common';
import { cleanFileName } from '@profmonitor/domain';
import { readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { AccountsService } from '../accounts/accounts.service';
import { CLI_PRINCIPAL, type Principal } from '../accounts/principal';
import { UploadsService } from '../reports/uploads.service';

/**
 * The demo loader sends its files as the command line does (so their originals are kept, to be
 * downloaded from an upload's page), under its own name, with no account behind it.
 */
const DEMO_PRINCIPAL: Principal = { ...CLI_PRINCIPAL, login: 'demo' };
const named = (file: string) => ({ path: file, fileName: cleanFileName(basename(file)), temporary: false });

export const DEMO_DIR = resolve(__dirname, '..', '..', '..', '..', 'data', 'demo');
export const DEMO_REGISTRY = 'registry.xlsx';

/** One account per role; the passwords are printed and are for the demo only. */
export const DEMO_ACCOUNTS = [
  { login: 'komitet', password: 'komitet-demo', role: 'committee', title: 'комитет' },
  { login: 'sch01', password: 'sch01-demo', role: 'school', organization: 'SCH01', title: 'школа SCH01' },
  { login: 'czn', password: 'czn-demo', role: 'employment', title: 'центр занятости' },
] as const;

function workbooks(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? workbooks(join(dir, entry.name)) : [join(dir, entry.name)]))
    .filter((file) => file.endsWith('.xlsx'))
    .sort();
}

/** Loads the demo municipality: its registry first, then every demo workbook in order. */
export async function loadDemo(app: INestApplicationContext, dir = DEMO_DIR): Promise<void> {
  const uploads = app.get(UploadsService);
  const registry = await uploads.receiveRegistry(named(join(dir, DEMO_REGISTRY)), DEMO_PRINCIPAL);
  if (!registry.accepted) throw new Error(`Демо-реестр не загружен: ${JSON.stringify(registry.errors)}`);
  const files = workbooks(dir).filter((file) => basename(file) !== DEMO_REGISTRY);
  let accepted = 0;
  for (const file of files) {
    const result = await uploads.receive(named(file), DEMO_PRINCIPAL);
    if (result.accepted || result.outcome === 'duplicate') accepted++;
    else console.warn(`Демо-файл ${relative(dir, file)} принят не целиком: ${result.outcome}`);
  }
  console.log(`Демо-данные: реестр и ${accepted} из ${files.length} отчётов загружены.`);
  for (const { title: _title, ...account } of DEMO_ACCOUNTS)
    await app.get(AccountsService).create(account, CLI_PRINCIPAL);
  console.log('Демо-входы (логин / пароль):');
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.title.padEnd(16)} ${a.login} / ${a.password}`);
}
