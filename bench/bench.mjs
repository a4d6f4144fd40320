// npm run bench: the analysis against the parser it must use (remark-parse)
// and the Markdown linter a writer already runs (markdownlint), on the same
// texts, in one run; then the CLI over a folder of 200 reports, and the
// reviewer's table over a generated folder of 300.
// Figures are medians; compare the ratios, not the milliseconds, across machines.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint } from 'markdownlint/sync';
import { generatedReport } from './texts.mjs';
import { makeReviewFolder } from './review-folder.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { analyze } = require(join(ROOT, 'dist', 'analysis.js'));
const FIXTURES = join(ROOT, 'test', 'fixtures', 'corpus');
const quick = process.argv.includes('--quick');

function median(fn, minReps, minMs) {
  fn(); // warm up
  const times = [];
  const start = performance.now();
  while (times.length < minReps || (performance.now() - start < minMs && times.length < 200)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], reps: times.length };
}

const processor = unified().use(remarkParse);
const largest = readdirSync(FIXTURES)
  .map((name) => readFileSync(join(FIXTURES, name), 'utf8'))
  .sort((a, b) => b.length - a.length)[0];
const texts = [
  ['largest real report', largest],
  ['largest real report ×5', Array(5).fill(largest).join('\n')],
  ['generated report, 1 MB', generatedReport(1024 * 1024)],
];

const rows = [];
for (const [name, text] of texts) {
  const bytes = Buffer.byteLength(text);
  const minReps = quick ? 3 : bytes > 500_000 ? 7 : 15;
  const minMs = quick ? 200 : 2000;
  const remark = median(() => processor.parse(text), minReps, minMs);
  const md = median(() => analyze(text, { format: 'markdown' }), minReps, minMs);
  const plain = median(() => analyze(text, { format: 'plain' }), minReps, minMs);
  const mdlint = median(() => lint({ strings: { report: text } }), minReps, minMs);
  rows.push({ name, chars: text.length, bytes, remark, md, plain, mdlint });
}

const f = (n, d = 1) => n.toFixed(d);
console.log(`# fazhi-report benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}`);
console.log('');
console.log('| text | chars | remark-parse | analyze (Markdown) | analyze (plain) | markdownlint | Markdown ÷ remark | plain ÷ remark | Markdown ÷ markdownlint | µs/char (Markdown) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.chars.toLocaleString('en')} | ${f(r.remark.ms)} ms | ${f(r.md.ms)} ms | ${f(r.plain.ms)} ms | ${f(r.mdlint.ms)} ms | ${f(r.md.ms / r.remark.ms, 2)} | ${f(r.plain.ms / r.remark.ms, 2)} | ${f(r.md.ms / r.mdlint.ms, 2)} | ${f((r.md.ms * 1000) / r.chars, 3)} |`,
  );
}
const perChar = rows.map((r) => r.md.ms / r.chars);
console.log('');
console.log(`Cost per character, largest ÷ smallest size: ${f(Math.max(...perChar) / Math.min(...perChar), 2)} (flat is 1.0).`);

// The CLI over a folder of 200 reports, as a reviewer runs it.
const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-'));
try {
  const names = readdirSync(FIXTURES);
  let totalBytes = 0;
  mkdirSync(join(dir, 'reports'));
  for (let i = 0; i < 200; i++) {
    const source = readFileSync(join(FIXTURES, names[i % names.length]), 'utf8');
    const file = join(dir, 'reports', `${String(i).padStart(3, '0')}-${names[i % names.length].replace(/\.txt$/, i % 2 ? '.md' : '.txt')}`);
    writeFileSync(file, source);
    totalBytes += Buffer.byteLength(source);
  }
  const cli = join(ROOT, 'dist', 'cli.js');
  const run = () => {
    try {
      execFileSync(process.execPath, [cli, 'check', '--format', 'json', join(dir, 'reports')], { stdio: ['ignore', 'ignore', 'ignore'] });
    } catch (error) {
      if (error.status !== 1) throw error; // 1: the reports have errors, as expected
    }
  };
  const wall = median(run, quick ? 1 : 3, 0);
  console.log('');
  console.log(`fazhi-report check over 200 reports (${f(totalBytes / 1024 / 1024, 2)} MB): ${f(wall.ms, 0)} ms wall, ${f(200 / (wall.ms / 1000), 0)} reports/s, ${f(totalBytes / 1024 / 1024 / (wall.ms / 1000), 2)} MB/s (median of ${wall.reps}, Node start-up included).`);

  // The reviewer's desk: fazhi-report review over 300 reports of ~100 KB (bench/review-folder.mjs),
  // on every core and on one; peak memory from /usr/bin/time where it is installed.
  const count = quick ? 60 : 300;
  const reviewBytes = makeReviewFolder(join(dir, 'review'), count, 100 * 1024);
  const timed = existsSync('/usr/bin/time');
  let rss = null;
  const review = (jobs) => () => {
    const args = [cli, 'review', '--format', 'json', '--jobs', String(jobs), '-o', join(dir, 'review.json'), join(dir, 'review')];
    const r = spawnSync(timed ? '/usr/bin/time' : process.execPath, timed ? ['-f', '%M', process.execPath, ...args] : args, { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`review failed: ${r.stderr}`);
    if (timed) rss = Math.max(rss ?? 0, Number(r.stderr.trim().split('\n').pop()));
  };
  const cores = Math.min(availableParallelism(), 4);
  for (const jobs of cores > 1 ? [cores, 1] : [1]) {
    rss = null;
    const w = median(review(jobs), quick ? 1 : 3, 0);
    const copies = JSON.parse(readFileSync(join(dir, 'review.json'), 'utf8')).copies.length;
    console.log(
      `fazhi-report review over ${count} reports (${f(reviewBytes / 1024 / 1024, 1)} MB), ${jobs} thread${jobs > 1 ? 's' : ''}: ${f(w.ms, 0)} ms wall, ${f(count / (w.ms / 1000), 0)} reports/s, ${f(reviewBytes / 1024 / 1024 / (w.ms / 1000), 2)} MB/s${rss ? `, peak RSS ${f(rss / 1024, 0)} MB` : ''}; ${copies} pairs of reports with copied passages (median of ${w.reps}, Node start-up included).`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
