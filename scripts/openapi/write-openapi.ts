// Writes the API's OpenAPI document (dist/openapi.json, or the path given) from the application
// itself, without listening on a port: the app is created on a throwaway SQLite database, asked
// for its document, and closed. `npm run openapi` writes it and lints it (redocly.yaml).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const target = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'dist', 'openapi.json'));

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'profmonitor-openapi-'));
  // Read when the app is created, hence set before the app's modules are loaded.
  process.env.DATABASE_URL = `sqlite:${join(dir, 'openapi.sqlite')}`;
  process.env.UPLOAD_DIR = join(dir, 'uploads');
  process.env.WEB_DIST = join(dir, 'no-web-app');
  try {
    const { createHttpApp } = await import('../../apps/api/src/main');
    const { AppModule } = await import('../../apps/api/src/app.module');
    const { createOpenApiDocument } = await import('../../apps/api/src/common/openapi');
    const app = await createHttpApp(AppModule.forRoot(), ['error', 'warn']);
    try {
      const document = createOpenApiDocument(app);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
      console.log(`Written ${target}`);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
