import path from 'node:path';
import { loadContent } from '../lib/content/load';
import { outlineOf } from '../lib/content/outline';
import { expandSteps, labelPlaceholders } from '../lib/runs/outline';
import { runProgress } from '../lib/runs/selectors';
import { foldRun } from '../lib/runs/state';
import { procedureUrl } from '../lib/urls';
import { expect, test } from './fixtures';

/*
 * The real content, served from `npm run build`. Everything here is read from
 * content/, so rewording, adding or removing steps breaks no test; only a
 * procedure that no longer renders its steps, or that its symptoms no longer
 * find, does. The features themselves are tested on e2e/content.
 */
const { procedures, errors } = await loadContent(path.resolve('content'));

test('the real content loads', () => {
  expect(errors).toEqual([]);
  expect(procedures.length).toBeGreaterThan(0);
});

for (const procedure of procedures) {
  test.describe(procedure.slug, () => {
    test('renders every step as a checkbox named by its text', async ({ page }) => {
      await page.goto(procedureUrl(procedure.slug));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(procedure.title);
      await expect(page.getByRole('checkbox')).toHaveCount(procedure.steps.length);
      const { total } = runProgress(foldRun(procedure.slug, null, []), expandSteps(outlineOf(procedure), {}));
      await expect(page.getByRole('status')).toHaveText(`0 of ${total} steps done`);
      // A procedure may repeat a step (open Services again, say): each occurrence is a checkbox of its own.
      const occurrences = new Map<string, number>();
      for (const { text } of procedure.steps) {
        const name = labelPlaceholders(text, procedure.inputs);
        occurrences.set(name, (occurrences.get(name) ?? 0) + 1);
      }
      for (const [text, count] of occurrences) {
        await expect(page.getByRole('checkbox', { name: text, exact: true })).toHaveCount(count);
      }
    });

    test('is found by each of its symptoms', async ({ page }) => {
      for (const symptom of procedure.symptoms) {
        // A message as an admin would paste it, with this site's names where the procedure writes {placeholders}.
        const query = symptom.message?.replace(/\{[^}]+\}/g, 'contoso') ?? symptom.code!;
        await page.goto(`/search/?q=${encodeURIComponent(query)}`);
        const results = page.getByRole('list', { name: 'Search results' });
        await expect(results.getByRole('link', { name: procedure.title, exact: true }), query).toBeVisible();
      }
    });
  });
}
