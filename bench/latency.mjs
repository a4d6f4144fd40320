// Part of npm run bench: latency from a keystroke to its diagnostics over a
// real stdio connection, the cost of re-analysing after one edit against
// markdownlint on the whole text, and the server's memory with 50 reports open.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from 'markdownlint/sync';


const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ExitNotification,
} = require('vscode-languageserver-protocol/node');
// The incremental entry is internal (the library exports analyze()): bundle it for this run.
const { build } = require('esbuild');
const internal = join(tmpdir(), `fazhi-bench-analyze-${process.pid}.cjs`);
await build({ entryPoints: [join(ROOT, 'server/src/analysis/analyze.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: internal, logLevel: 'warning' });
const { analyzeDetailed } = require(internal);
rmSync(internal, { force: true });
const { generatedReport } = await import('./texts.mjs');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'corpus');
const quick = process.argv.includes('--quick');
const EDITS = quick ? 40 : 200;

// A small seeded generator, so every run edits the same places.
let seed = 20261122;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const largest = readdirSync(FIXTURES)
  .map((name) => readFileSync(join(FIXTURES, name), 'utf8'))
  .sort((a, b) => b.length - a.length)[0];
const big = generatedReport(1024 * 1024);

const server = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiting = new Map();
connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
  const key = `${p.uri}@${p.version}`;
  const resolve = waiting.get(key);
  if (resolve) {
    waiting.delete(key);
    resolve(performance.now());
  }
});
connection.listen();
const diagnosticsOf = (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve));
await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { settings: { debounce: 0 } } });
await connection.sendNotification(InitializedNotification.type, {});

/** Position of an offset in text (LF only in these texts). */
function position(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

async function typing(name, text) {
  const uri = `untitled:${name}.md`;
  let version = 1;
  const opened = diagnosticsOf(uri, version);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  await opened;
  const latencies = [];
  for (let i = 0; i < EDITS; i++) {
    const offset = Math.floor(random() * text.length);
    const at = position(text, offset);
    text = text.slice(0, offset) + '的' + text.slice(offset);
    version++;
    const arrived = diagnosticsOf(uri, version);
    const sent = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: at, end: at }, text: '的' }],
    });
    latencies.push((await arrived) - sent);
  }
  latencies.sort((a, b) => a - b);
  const pick = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: pick(0.5), p95: pick(0.95) };
}

/** One edit's re-analysis in process (the server's path), against markdownlint on the whole text. */
function reanalysis(text) {
  let previous = analyzeDetailed(text, { format: 'markdown' });
  const times = [];
  const warmUp = quick ? 5 : 30;
  for (let i = 0; i < warmUp + (quick ? 10 : 50); i++) {
    const offset = Math.floor(random() * text.length);
    text = text.slice(0, offset) + '的' + text.slice(offset);
    const t0 = performance.now();
    previous = analyzeDetailed(text, { format: 'markdown', previous });
    if (i >= warmUp) times.push(performance.now() - t0);
  }
  for (let i = 0; i < warmUp; i++) lint({ strings: { report: text } });
  const lints = [];
  for (let i = 0; i < (quick ? 3 : 10); i++) {
    const t0 = performance.now();
    lint({ strings: { report: text } });
    lints.push(performance.now() - t0);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { edit: median(times), markdownlint: median(lints) };
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

const f = (n, d = 1) => n.toFixed(d);
console.log('');
console.log(`## Latency over stdio (${EDITS} single-character edits at random places, debounce 0, each sent after the previous version's diagnostics)`);
console.log('');
console.log('| text | chars | p50 change → diagnostics | p95 | re-analysis of one edit | markdownlint, whole text | re-analysis ÷ markdownlint |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, text] of [
  ['largest real report', largest],
  ['generated report, 1 MB', big],
]) {
  const lat = await typing(name.replace(/\W+/g, '-'), text);
  const re = reanalysis(text);
  console.log(`| ${name} | ${text.length.toLocaleString('en')} | ${f(lat.p50)} ms | ${f(lat.p95)} ms | ${f(re.edit)} ms | ${f(re.markdownlint)} ms | ${f(re.edit / re.markdownlint, 2)} |`);
}

await connection.sendRequest(ShutdownRequest.type);
await connection.sendNotification(ExitNotification.type);
connection.dispose();

// Memory: a fresh server, with 50 real reports open.
{
  const fresh = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(fresh.stdout), new StreamMessageWriter(fresh.stdin));
  const pending = new Map();
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => pending.get(p.uri)?.());
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { settings: { debounce: 0 } } });
  await conn.sendNotification(InitializedNotification.type, {});
  const idle = rssMb(fresh.pid);
  const names = readdirSync(FIXTURES);
  const opened = [];
  for (let i = 0; i < 50; i++) {
    const uri = `untitled:open-${i}.md`;
    opened.push(new Promise((resolve) => pending.set(uri, resolve)));
    await conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: i % 2 ? 'markdown' : 'plaintext', version: 1, text: readFileSync(join(FIXTURES, names[i % names.length]), 'utf8') },
    });
  }
  await Promise.all(opened);
  console.log('');
  console.log(`Server memory (RSS): ${f(idle, 0)} MB started, ${f(rssMb(fresh.pid), 0)} MB with 50 real reports open and analysed.`);
  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  conn.dispose();
}
