// fazhi-report check: reads the inputs, analyses each with the settings that apply to it, fixes
// what is safe to fix when asked, and writes the findings as text, JSON or SARIF.
import { randomBytes } from 'node:crypto';
import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import pc from 'picocolors';
import { analyze, tooLargeResult, type Severity } from '../analysis/api';
import { DOCUMENT_EXTENSIONS } from '../documents/kinds';
import type { ExtractedDocument } from '../documents/types';
import { decodeReport, describeFsError, readBounded, readDocumentFile } from '../files';
import { analyzeOptionsFrom, formatForPath, type Settings } from '../settings';
import { ConfigResolver } from './config';
import { fixText, safeFixRules, type AppliedEdit } from './fix';
import { FilesFilter, IgnoreRules, collectInputs, readStdin } from './inputs';
import { jsonChunks, printableName, textChunks, type FileReport, type TextStyle } from './format';
import { sarifChunks } from './sarif';
import { Output } from './output';
import { humanPositions } from './positions';

/** A mistake in how the command was called: the message, the usage, exit 2. */
export class UsageError extends Error {}

export interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  year?: number;
  config?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  output?: string;
  color: boolean;
  stdinFilename?: string;
  sarifRoot?: string;
}

/** What `check` looks for in a folder: every kind the reader layer takes. */
const CHECKED_EXTENSIONS: ReadonlySet<string> = new Set(DOCUMENT_EXTENSIONS);

/** Standard input's name when --stdin-filename gives none. */
export const STDIN_NAME = '<stdin>';

const err = (line: string) => process.stderr.write(`fazhi-report: ${line}\n`);

/** A file that `--fix` may write: Markdown or plain text read as UTF-8 (a Word or PDF file is never changed). */
function fixable(document: ExtractedDocument | undefined): boolean {
  return !!document && document.paragraphs === null && (document.kind === 'markdown' || document.kind === 'text') && (document.encoding ?? 'utf-8') === 'utf-8';
}

interface Checked {
  report: FileReport;
  settings?: Settings;
  stdin?: boolean;
}

export async function check(paths: string[], options: CheckOptions, version: string): Promise<number> {
  if (paths.length === 0) throw new UsageError('请给出要检查的文件、目录或 glob（- 为标准输入）');
  if (options.fix && options.fixDryRun) throw new UsageError('--fix 与 --fix-dry-run 只能选一个');
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('标准输入（-）只能给一次');
  const configs = new ConfigResolver(options.config, (m) => err(m));
  if (options.output !== undefined) guardOutput(options.output, paths);

  const settingsFor = (file: string): Settings => {
    const settings = { ...configs.forFile(file).settings };
    if (options.year !== undefined) settings.reportYear = options.year;
    return settings;
  };

  const skipped: string[] = [];
  const checked: Checked[] = [];
  for (const input of collectInputs(paths, CHECKED_EXTENSIONS, skipped, new IgnoreRules(), new FilesFilter(configs))) {
    if ('stdin' in input) {
      checked.push(await readStandardInput(options.stdinFilename, settingsFor));
      continue;
    }
    const { file, error } = input;
    if (error) {
      checked.push({ report: { file, error } });
      continue;
    }
    const settings = settingsFor(file);
    // Every kind through the reader layer: text in UTF-8, UTF-16 or GB18030, .docx, .doc, .wps, PDF.
    const read = await readDocumentFile(file, settings.maxFileSize);
    if (read.kind === 'error') checked.push({ report: { file, error: read.reason } });
    // An oversized file is not read; the skip is its one finding.
    else if (read.kind === 'too-large') checked.push({ report: { file, analysis: tooLargeResult(read.size, read.limit, analyzeOptionsFrom(settings, formatForPath(file))) } });
    else checked.push({ report: { file, analysis: analyze(read.document.text, analyzeOptionsFrom(settings, read.document.format)), document: read.document }, settings });
  }

  // A file found in a folder counts too: the report must not replace a file it reports on.
  if (options.output !== undefined) guardOutput(options.output, checked.map((c) => c.report.file).filter((f) => f !== STDIN_NAME && f !== options.stdinFilename));

  if (skipped.length) {
    const names = skipped.slice(0, 10).map(printableName).join(', ');
    err(`跳过 ${skipped.length} 个不支持的文件：${names}${skipped.length > 10 ? ' 等' : ''}`);
  }
  for (const { report: r } of checked) if ('document' in r && r.document) for (const note of r.document.notes) err(`${printableName(r.file)}: ${note}`);
  for (const { report: r } of checked) if ('error' in r) err(`${printableName(r.file)}: ${r.error}`);

  let reports = checked.map((c) => c.report);
  let fixFailed = false;
  if (options.fix || options.fixDryRun) {
    const fixed = applyFixes(checked, !!options.fix);
    reports = fixed.reports;
    fixFailed = fixed.failed;
  }

  // Counted before --quiet drops what is not an error: --max-warnings still sees every warning.
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of reports) if ('analysis' in r) for (const f of r.analysis.findings) counts[f.severity]++;
  const shown = options.quiet ? reports.map((r) => ('analysis' in r ? { ...r, analysis: { ...r.analysis, findings: r.analysis.findings.filter((f) => f.severity === 'error') } } : r)) : reports;

  const style = options.color && options.format === 'text' && options.output === undefined && !options.fixDryRun ? colored() : undefined;
  const chunks = options.format === 'json' ? jsonChunks(shown) : options.format === 'sarif' ? sarifChunks(shown, version, { sarifRoot: options.sarifRoot ?? process.cwd() }) : textChunks(shown, style);
  if (options.output !== undefined) {
    try {
      writeAtomically(options.output, [...chunks].join(''));
    } catch (error) {
      err(`${printableName(options.output)}: 无法写入输出文件（${describeFsError(error)}）`);
      return 2;
    }
  }
  // With --fix-dry-run standard output is the patch alone (for `git apply`): the findings go to -o, or are summed up on stderr.
  else if (options.fixDryRun) err(`修复后：${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 个提示`);
  else {
    const out = new Output();
    out.writeAll(chunks);
    out.flush();
  }

  if (reports.some((r) => 'error' in r) || fixFailed) return 2;
  if (counts.error > 0) return 1;
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    err(`警告 ${counts.warning} 个，超过 --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}

async function readStandardInput(name: string | undefined, settingsFor: (file: string) => Settings): Promise<Checked> {
  const file = name ?? STDIN_NAME;
  // Without a name, standard input is plain text, and its settings are those of the current folder.
  const format = name === undefined ? 'plain' : formatForPath(name);
  const settings = settingsFor(name ?? join(process.cwd(), STDIN_NAME));
  const read = await readStdin(settings.maxFileSize);
  if (read.kind === 'too-large') return { report: { file, analysis: tooLargeResult(read.size, settings.maxFileSize, analyzeOptionsFrom(settings, format)) }, stdin: true };
  const decoded = decodeReport(read.bytes);
  if (decoded.kind !== 'text') return { report: { file, error: decoded.reason }, stdin: true };
  const encoding = decoded.encoding ?? 'utf-8';
  const document: ExtractedDocument = { kind: format === 'plain' ? 'text' : 'markdown', format, text: decoded.text, encoding, paragraphs: null, notes: [] };
  return { report: { file, analysis: analyze(document.text, analyzeOptionsFrom(settings, format)), document }, settings, stdin: true };
}

/** --fix writes each fixed file; --fix-dry-run prints a unified diff. Returns the reports of the fixed texts. */
function applyFixes(checked: Checked[], write: boolean): { reports: FileReport[]; failed: boolean } {
  let failed = false;
  const out = write ? null : new Output();
  const reports = checked.map(({ report, settings, stdin }) => {
    if (!('analysis' in report) || !settings || !report.document) return report;
    if (!fixable(report.document)) {
      const safe = safeFixRules();
      if (report.analysis.findings.some((f) => f.fix && safe.has(f.rule))) err(`${printableName(report.file)}: 未修复：只修复 UTF-8 编码的 .md、.markdown、.txt 文件，Word、PDF 与其他编码的文本不改动`);
      return report;
    }
    const { document } = report;
    const result = fixText(document.text, analyzeOptionsFrom(settings, document.format));
    if (result.edits.length === 0) return report;
    const fixedDocument = { ...document, text: result.text };
    const fixedReport: FileReport = { file: report.file, analysis: result.analysis, document: fixedDocument };
    if (out) {
      // a/ and b/ as git writes them, so that `git apply` takes the patch as it is.
      const name = printableName(report.file).split('\\').join('/');
      const [a, b] = isAbsolute(name) ? [name, name] : [`a/${name}`, `b/${name}`];
      out.write(createTwoFilesPatch(a, b, document.text, result.text, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY }));
      return fixedReport;
    }
    if (stdin) {
      err(`${printableName(report.file)}: 标准输入无法写回；用 --fix-dry-run 查看修改`);
      return report;
    }
    const written = writeFixed(report.file, document.text, result.text);
    if (written !== null) {
      err(`${printableName(report.file)}: 未修复：${written}`);
      failed = true;
      return report;
    }
    const human = humanPositions(document.text);
    for (const e of result.edits) err(describeEdit(report.file, e, human));
    return fixedReport;
  });
  out?.flush();
  return { reports, failed };
}

/** `报告.md:12:5: [rate-mismatch] “98.5%” → “99.9%”` */
function describeEdit(file: string, e: AppliedEdit, human: ReturnType<typeof humanPositions>): string {
  const at = human({ line: e.line - 1, character: e.character });
  return `已修复 ${printableName(file)}:${at.line}:${at.column}: [${e.rule}] “${short(e.old)}” → “${short(e.new)}”`;
}

function short(text: string): string {
  const one = printableName(text);
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

/** Writes the fixed text over the file it came from, unless the file changed since it was read; null when done, else why not. */
function writeFixed(file: string, before: string, after: string): string | null {
  const read = readBounded(file, Buffer.byteLength(before) + 16);
  if (read.kind !== 'bytes') return '文件在检查后已改变';
  const bom = read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf;
  const now = decodeReport(read.bytes);
  if (now.kind !== 'text' || now.text !== before) return '文件在检查后已改变';
  try {
    writeAtomically(realpathSync(file), (bom ? '\ufeff' : '') + after);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

/** Into a temporary file beside the target, then renamed: a reader never sees half a file. */
function writeAtomically(target: string, text: string): void {
  const temp = join(dirname(resolve(target)), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = statSync(target, { throwIfNoEntry: false })?.mode;
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    if (mode !== undefined) chmodSync(temp, mode & 0o7777);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** -o must not be one of the inputs: the report would replace what it reports on. */
function guardOutput(output: string, inputs: string[]): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const target = real(output);
  if (statSync(output, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`-o ${output}: 是目录，不是文件`);
  for (const input of inputs) if (input !== '-' && real(input) === target) throw new UsageError(`-o ${output}: 输出文件就是被检查的文件`);
}

function colored(): TextStyle {
  const c = pc.createColors(true);
  const bySeverity: Record<Severity, (t: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  return { file: c.underline, severity: (s, t) => bySeverity[s](t), dim: c.dim };
}
