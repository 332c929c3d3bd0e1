/** Where a link landed, as a reader sees it (tests/e2e/share.spec.ts, share-section.spec.ts). */
import { expect, type Page } from '@playwright/test';

/** The element is inside the viewport and nothing covers its top-left text. */
export async function expectLandedOn(page: Page, id: string) {
  const target = page.locator(`[id="${id}"]`);
  await expect(target).toBeInViewport();
  const uncovered = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + 4, r.top + Math.min(r.height / 2, 12));
    return !!hit && (el.contains(hit) || hit.contains(el));
  });
  expect(uncovered, `#${id} is covered`).toBe(true);
}
