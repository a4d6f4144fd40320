// The HTML report in a real browser (Debian's chromium through playwright-core):
// sorting, a row opening to its findings, the copies side by side, nothing
// fetched from the network. FAZHI_REVIEW_SCREENSHOT=path keeps a screenshot.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';
import { PREVIOUS_DIR, makeReviewFolder } from '../review-folder';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`HTML review in a browser skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

describe.skipIf(!available)('the HTML review in chromium', () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    const folder = makeReviewFolder();
    const html = join(mkdtempSync(join(tmpdir(), 'fazhi-review-html-')), 'review.html');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'review', '--previous', PREVIOUS_DIR, '-o', html, folder.dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (req) => {
      if (!req.url().startsWith('file:') && !req.url().startsWith('data:')) requests.push(req.url());
    });
    await page.goto(pathToFileURL(html).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const column = (name: string) =>
    page.$$eval(
      'table.reports thead th',
      (ths, n) => ths.findIndex((th) => th.textContent === n),
      name,
    );
  const values = async (name: string) => {
    const col = await column(name);
    // The cells' sort keys (data-v), read in the page.
    type Row = { cells: { dataset: { v?: string } }[] };
    return page.$$eval('table.reports tbody tr.main', (rows, c) => rows.map((r) => (r as unknown as Row).cells[c].dataset.v ?? ''), col);
  };

  it('sorts the reports by a column, both ways', async () => {
    await page.click('table.reports th:text-is("错误")');
    const up = (await values('错误')).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(new Set(up).size).toBeGreaterThan(1);
    await page.click('table.reports th:text-is("错误")');
    const down = (await values('错误')).map(Number);
    expect(down).toEqual([...up].sort((a, b) => b - a));
    await page.click('table.reports th:text-is("单位")');
    const units = await values('单位');
    expect(units).toEqual([...units].sort((a, b) => a.localeCompare(b, 'zh-CN')));
  });

  it('opens a row to the report’s findings with their quotes, and closes it', async () => {
    const body = page.locator('tbody.report', { hasText: '2022-suxitong-park.txt' });
    const detail = body.locator('tr.detail');
    await expect.poll(() => detail.isVisible()).toBe(false);
    await body.locator('button.toggle').click();
    await expect.poll(() => detail.isVisible()).toBe(true);
    const text = await detail.innerText();
    expect(text).toContain('遗留占位符');
    expect(text).toContain('第36段');
    expect(await body.locator('button.toggle').getAttribute('aria-expanded')).toBe('true');
    await body.locator('button.toggle').click();
    await expect.poll(() => detail.isVisible()).toBe(false);
  });

  it('shows a copied passage side by side, the shared text marked', async () => {
    const pair = page.locator('.pairing .pair').first();
    const sides = pair.locator('.side');
    expect(await sides.count()).toBe(2);
    const [a, b] = [await sides.nth(0).boundingBox(), await sides.nth(1).boundingBox()];
    expect(a && b).toBeTruthy();
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
    expect(b!.x).toBeGreaterThanOrEqual(a!.x + a!.width);
    expect(await sides.nth(0).locator('mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.pairing h3').first().innerText()).toMatch(/suxitong.*haimen|haimen.*suxitong/);
    // The passages past the first three fold; opened, they show side by side too.
    const more = page.locator('.pairing details').first();
    expect(await more.locator('.pair').first().isVisible()).toBe(false);
    await more.locator('summary').click();
    expect(await more.locator('.pair').first().isVisible()).toBe(true);
    await more.locator('summary').click();
  });

  it('draws the parts chart and loads nothing from the network', async () => {
    expect(await page.locator('svg.chart rect.ok').count()).toBeGreaterThan(3);
    const shot = process.env.FAZHI_REVIEW_SCREENSHOT;
    if (shot) {
      // The README's pictures: the top of the page with one row open, then the copies side by side.
      await page.setViewportSize({ width: 1280, height: 1000 });
      await page.click('table.reports th:text-is("错误")');
      await page.locator('tbody.report', { hasText: '2022-haimen-zone.txt' }).locator('button.toggle').click();
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: shot });
      await page.evaluate("document.querySelector('.pairing').scrollIntoView()");
      await page.screenshot({ path: shot.replace(/\.png$/, '-copies.png') });
    }
    expect(requests).toEqual([]);
  });
});
