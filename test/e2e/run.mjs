// npm run test:e2e: the extension's own suite inside a real VS Code, then a
// smoke test a person would recognise, with a screenshot.
//   - Here (no VS Code download possible): the suite runs through
//     @vscode/test-electron's runTests() with our stand-in executable, which
//     runs the real workbench in code-server and Debian's Chromium.
//   - FAZHI_E2E_DESKTOP=1: runTests() downloads a desktop VS Code and runs the
//     same suite there (a developer laptop, a public CI); the smoke test is skipped.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const E2E = join(ROOT, 'test', 'e2e');
// What `npm run package` writes (scripts/package.mjs).
const VSIX = join(ROOT, 'build', `fazhi-report-${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}.vsix`);
const desktop = process.env.FAZHI_E2E_DESKTOP === '1';
const started = Date.now();
const step = (what) => console.log(`\n[e2e] ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

/** The workspace a writer would have: real reports, the sample draft, a Word file, a README and notes. */
function makeWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-workspace-'));
  for (const name of ['2022-suxitong-park.txt', '2021-xinyang-hitech-zone.txt', '2020-jiangsu-province-traditional.txt']) {
    copyFileSync(join(ROOT, 'test', 'fixtures', 'corpus', name), join(dir, name));
  }
  copyFileSync(join(ROOT, 'samples', '2023-示例区-法治政府建设情况报告.md'), join(dir, '2023-示例区-法治政府建设情况报告.md'));
  copyFileSync(join(ROOT, 'README.md'), join(dir, 'README.md'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'notes.md'), join(dir, 'notes.md'));
  // A report as Word saves it, its headings numbered by Word's automatic numbering.
  copyFileSync(join(ROOT, 'test', 'fixtures', 'documents', 'report-numbered.docx'), join(dir, '2023-示例区-自动编号.docx'));
  return dir;
}

let cache;
if (!desktop) {
  step('installing or reusing code-server, Node 24, playwright-core and Debian packages');
  const setup = spawnSync('bash', [join(E2E, 'setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 30 * 60_000 });
  if (setup.status !== 0) {
    console.error(`[e2e] setup failed (exit ${setup.status}${setup.error ? `, ${setup.error.message}` : ''})`);
    process.exit(1);
  }
  cache = setup.stdout.trim().split('\n').pop();
  process.env.FAZHI_E2E_CACHE = cache;
}

step('building and packaging the extension');
execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 5 * 60_000 });

const scratch = mkdtempSync(join(tmpdir(), 'fazhi-e2e-run-'));
process.env.TMPDIR = scratch;
process.env.XDG_CONFIG_HOME = join(scratch, 'config');
process.env.XDG_DATA_HOME = join(scratch, 'data');
mkdirSync(process.env.XDG_CONFIG_HOME);
mkdirSync(process.env.XDG_DATA_HOME);
let code = 0;
try {
  step(`the in-host suite, in ${desktop ? 'a downloaded desktop VS Code' : 'code-server + Chromium'}`);
  try {
    await runTests({
      ...(desktop ? {} : { vscodeExecutablePath: join(E2E, 'code-standin.mjs') }),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(E2E, 'suite', 'index.js'),
      launchArgs: [makeWorkspace(), '--disable-extensions'],
      extensionTestsEnv: { FAZHI_E2E: '1' },
    });
    console.log('[e2e] in-host suite passed');
  } catch (error) {
    console.error(`[e2e] in-host suite failed: ${error}`);
    code = 1;
  }
  if (!desktop) {
    step('the UI smoke test (Playwright, may retry once)');
    let smoke = 1;
    for (let attempt = 1; attempt <= 2 && smoke !== 0; attempt++) {
      const r = spawnSync(process.execPath, [join(E2E, 'smoke.mjs'), VSIX, makeWorkspace()], { stdio: 'inherit', timeout: 5 * 60_000 });
      smoke = r.status ?? 1;
      if (smoke !== 0 && attempt === 1) console.log('[e2e] smoke test failed, retrying once');
    }
    if (smoke !== 0) code = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
step(code === 0 ? 'all passed' : 'FAILED');
process.exit(code);
