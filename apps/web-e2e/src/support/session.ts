import type { Page } from 'playwright-core';

/** The accounts the demo creates (`npm start`, the e2e demo server). */
export const DEMO_ACCOUNTS = {
  committee: { login: 'komitet', password: 'komitet-demo' },
  school: { login: 'sch01', password: 'sch01-demo' },
  employment: { login: 'czn', password: 'czn-demo' },
} as const;

export type DemoAccount = (typeof DEMO_ACCOUNTS)[keyof typeof DEMO_ACCOUNTS];

/**
 * Signs in through the sign-in page as a person would, and waits until the app has taken the
 * person to their start page. The session cookie then serves the page and `page.request` alike.
 */
export async function logIn(
  page: Page,
  baseUrl: string,
  { login, password }: { login: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A GET of the API with the page's session (its cookies), as JSON. */
export async function apiGet<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  if (!response.ok()) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}
