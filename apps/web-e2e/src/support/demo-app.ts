import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startDemoServer, type DemoServer } from './demo-server';

type DemoServerOptions = Parameters<typeof startDemoServer>[0];

export interface DemoApp {
  readonly server: DemoServer;
  /** One desktop-sized page, Russian locale, for the whole spec file. */
  readonly page: Page;
}

/**
 * The demo app and a browser page on it for the tests of one spec file: started before they
 * run, stopped after. Call it at the top of the file; read `server` and `page` inside tests.
 * `options.prepare` runs the CLI on the demo's database before the API starts.
 */
export function demoApp(options?: DemoServerOptions): DemoApp {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await startDemoServer(options);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('The demo app is started in beforeAll: use it inside tests.');
      return server;
    },
    get page() {
      if (!page) throw new Error('The demo app is started in beforeAll: use it inside tests.');
      return page;
    },
  };
}
