import { expect, test } from './fixtures';

test('/procedures/ is a page that lists every procedure from A to Z, each with its symptoms', async ({ page }) => {
  await page.goto('/procedures/');
  await expect(page.getByRole('heading', { level: 1, name: 'All procedures' })).toBeVisible();
  const list = page.getByRole('list', { name: 'Procedures' });
  const titles = await list.getByRole('link').allTextContents();
  expect(titles.length).toBeGreaterThan(1);
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  await expect(list.getByRole('list', { name: 'Key symptoms' }).first()).toBeVisible();

  await list.getByRole('link', { name: titles[0] }).click();
  await expect(page).toHaveURL(/\/procedures\/[a-z0-9-]+\/$/);
  await expect(page.getByRole('heading', { level: 1, name: titles[0] })).toBeVisible();
});

test('/topics/ is a page that leads to each topic and its procedures', async ({ page }) => {
  await page.goto('/topics/');
  await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
  const topic = page.getByRole('list', { name: 'Topics' }).getByRole('link').first();
  const name = (await topic.textContent())!;
  await topic.click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('main').locator('a[href^="/procedures/"]').first()).toBeVisible();
});

for (const viewport of [
  { width: 1366, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`/symptoms/ never scrolls sideways at ${viewport.width} px, and names the procedure first`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/symptoms/');
    const table = page.getByRole('table', { name: 'Symptoms and the procedure for each' });
    await expect(table).toBeVisible();
    const overflow = await page.evaluate(() => {
      const table = document.querySelector('table')!;
      return { page: document.documentElement.scrollWidth - document.documentElement.clientWidth, table: table.getBoundingClientRect().right - document.querySelector('main')!.getBoundingClientRect().right };
    });
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.table).toBeLessThanOrEqual(0);
    // Every row starts with the link to its procedure.
    const rows = table.getByRole('row').filter({ has: page.getByRole('link') });
    expect(await rows.count()).toBeGreaterThan(1);
    for (const row of await rows.all()) {
      const firstCell = row.getByRole('rowheader');
      await expect(firstCell.getByRole('link')).toBeVisible();
      const [link, message] = await Promise.all([firstCell.boundingBox(), row.getByRole('cell').last().boundingBox()]);
      // Reading order on screen: the procedure comes before the rest of the row, beside it or above it.
      expect(link!.y <= message!.y && (link!.x < message!.x || link!.y < message!.y)).toBe(true);
    }
  });
}

test('printed from a browser in dark mode, warnings are dark text on white', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/procedures/change-sync-service-account-password/');
  const warning = page.getByRole('note').filter({ hasText: 'Warning' }).first();
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  const printed = await warning.evaluate((element) => {
    // The browser turns whatever colour syntax it computed (lab, oklch, rgb) into sRGB bytes.
    const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const srgb = (color: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = '#fff';
      context.fillRect(0, 0, 1, 1);
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const style = getComputedStyle(element);
    return { color: srgb(style.color), background: srgb(style.backgroundColor) };
  });
  expect(contrast(printed.color, [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
  expect(contrast(printed.color, printed.background)).toBeGreaterThanOrEqual(4.5);
});

/** WCAG contrast ratio of two sRGB colours. */
function contrast(a: number[], b: number[]): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((byte) => byte / 255).map((channel) => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
