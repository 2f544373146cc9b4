import type { ExplanationView } from '@profmonitor/domain';
import type { Locator, Page } from 'playwright-core';

/** Text as a person reads it: no-break spaces are spaces. */
export const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
/** A count as the app prints it (Russian digit groups). */
export const number = (n: number) => plain(new Intl.NumberFormat('ru-RU').format(n));

/**
 * The «Как получено значение» section of an indicator's page, once it shows the API's
 * explanation: its numerator, its denominator and every contributor by name. The section and
 * its text, for what a test checks further.
 */
export async function expectExplanationShown(
  page: Page,
  explanation: ExplanationView,
): Promise<{ section: Locator; text: string }> {
  const section = page.locator('#explanation');
  await section.locator('.formula').waitFor();
  const text = plain(await section.innerText());
  expect(text).toContain(`= ${number(explanation.numerator!)}`);
  expect(text).toContain(`= ${number(explanation.denominator!)}`);
  for (const contributor of explanation.contributors) expect(text).toContain(plain(contributor.name));
  return { section, text };
}
