// Choosing an option in an antd Select as a person does (open it, maybe type,
// click the option), then checking that the select shows the choice.
//
// Why not one click: antd's dropdown sometimes places itself again when pressed,
// briefly away from the pointer. Under load (it failed CI) the release of
// Playwright's click lands on the modal behind it, 17-34 ms after the press, and
// the browser then sends no click to the option, so nothing is chosen. A select that clears its search
// after a choice can also clear text typed for the next one. Both are retried
// here, and a choice that never shows fails with what the select shows.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The open dropdown (antd keeps closed ones, hidden, in the page). */
export const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

const ATTEMPTS = 5;

/**
 * Makes `select` show the option named `name`: the option whose title is `name`, else the first whose text
 * contains it. With `search`, that text is typed into the select's search box to bring the option up.
 * In a multiple select the option is added to the choices, never toggled off.
 */
export async function chooseOption(page: Page, select: Locator, name: string, search?: string): Promise<void> {
  const options = page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`);
  const byTitle = options.and(page.locator(`[title=${JSON.stringify(name)}]`));
  const byText = options.filter({ hasText: name });
  let label = name;
  // What the select shows for its choices: the tags of a multiple select, the value of a single one.
  const shows = async () =>
    (await select.locator('.ant-select-selection-item, .ant-select-content-has-value').allTextContents()).some(
      (text) => text.trim() === label,
    );
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!(await byText.first().isVisible())) {
      if (search !== undefined) await select.locator('input').fill(search);
      else await select.click();
      await byText
        .first()
        .waitFor({ timeout: 4000 })
        .catch(() => {});
    }
    const option = (await byTitle.count()) > 0 ? byTitle.first() : byText.first();
    label = (await option.textContent({ timeout: 1000 }).catch(() => null))?.trim() || label;
    if (await shows()) return;
    // A click that did register but has not been drawn yet must not be repeated: a second click would undo it.
    const classes = await option.getAttribute('class', { timeout: 1000 }).catch(() => null);
    if (!classes?.includes('ant-select-item-option-selected')) await option.click({ timeout: 4000 }).catch(() => {});
    if (
      await expect
        .poll(shows, { timeout: 4000, interval: 100 })
        .toBe(true)
        .then(
          () => true,
          () => false,
        )
    )
      return;
  }
  const shown = await select.locator('.ant-select-selection-item, .ant-select-content-has-value').allTextContents();
  expect(shown, `the select should show "${label}" after ${ATTEMPTS} tries`).toContain(label);
}
