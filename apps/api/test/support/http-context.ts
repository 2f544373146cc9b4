import type { INestApplication } from '@nestjs/common';
import type { Role } from '@profmonitor/domain';
import request from 'supertest';
import { AccountsService } from '../../src/accounts/accounts.service';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { createHttpApp } from '../../src/main';
import { OpenApiContract } from './openapi-contract';
import { TestContext } from './test-context';

/**
 * The HTTP application as the server runs it (createHttpApp: /api prefix, body parsing,
 * validation, OpenAPI, and a stand-in web app served beside the API), on a real SQLite file. Imports and registry loads still go
 * through the real services (see TestContext); requests through supertest on `server`.
 * Every answer is checked against the OpenAPI document: `stop()` fails the test file, listing
 * the answers that do not match it (see OpenApiContract).
 */
export class HttpTestContext extends TestContext {
  private contract?: OpenApiContract;

  /** `databaseUrl`: an existing database (say, one the CLI filled); default: a new one. */
  constructor(private readonly databaseUrl?: string) {
    super();
  }

  override async start(): Promise<this> {
    process.env.DATABASE_URL = this.databaseUrl ?? (await this.useDatabase()).url;
    // Each server empties its upload folder at start: test files running side by side get their own.
    process.env.UPLOAD_DIR = join(this.dir, 'uploads');
    process.env.ARCHIVE_DIR = join(this.dir, 'archive');
    // The web app's static files are served as in production: they sit in front of every
    // route Nest does not own, and once turned the API's body errors into 404s.
    const webDist = join(this.dir, 'web');
    mkdirSync(webDist, { recursive: true });
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>ПрофМонитор</title>');
    const app = await createHttpApp(AppModule.forRoot(webDist), ['error', 'warn']);
    this.contract = OpenApiContract.watch(app);
    await app.init();
    this.app = app;
    return this;
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.contract?.assertKept();
  }

  /**
   * Creates an account (once per login) and signs in over HTTP: the agent keeps the session
   * cookie for every request it makes. `municipality` binds a committee or employment center.
   */
  async signIn(
    role: Role,
    organization?: string,
    login = `${role}${organization ?? ''}`.toLowerCase(),
    municipality?: string,
  ) {
    const password = `${login}-password`;
    const accounts = this.app.get(AccountsService);
    if (!(await accounts.list()).some((a) => a.login === login)) {
      await accounts.create({ login, password, role, organization, municipality }, null);
    }
    const agent = request.agent(this.server);
    await agent.post('/api/auth/login').send({ login, password }).expect(200);
    return agent;
  }

  /** The Node HTTP server to hand to supertest. */
  get server(): ReturnType<INestApplication['getHttpServer']> {
    return (this.app as INestApplication).getHttpServer();
  }
}
