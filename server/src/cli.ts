// CLI entry (dist/cli.js): fazhi-report check | outline | rules | review | annotate | export | lsp.
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { analyze, ruleDescriptors, tooLargeResult, type OutlineNode, type Range } from './analysis/api';
import { DOCUMENT_EXTENSIONS } from './documents/kinds';
import { collectFiles, readBounded, readDocumentFile } from './files';
import { analyzeOptionsFrom, isReportYear, normalizeSettings, type Settings } from './settings';
import { documentInfo, jsonChunks, locator, printableName, sarifChunks, textChunks, type FileReport } from './cli/format';
import { Output } from './cli/output';
import { runLanguageServer } from './lsp/run';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

const USAGE = `用法 (usage):
  fazhi-report check [--format text|json|sarif] [--year YYYY] [--config FILE] [--debug] <文件|目录>...
  fazhi-report outline [--format text|json] [--debug] <文件>
  fazhi-report rules [--format text|json]
  fazhi-report review [--format table|csv|xlsx|html|json] [-o 文件] [--previous 上年目录] <目录|文件>...
  fazhi-report annotate [-o 输出.docx | --in-place] [--config FILE] <报告.docx>
  fazhi-report export [-o 输出.docx] [--config FILE] <草稿.md|草稿.txt>
  fazhi-report lsp --stdio

check    检查报告：缺少的必备部分、占位符等；目录中的 .md/.markdown/.txt/.docx/.doc/.wps/.pdf 文件都会检查
         （文本可为 UTF-8、带 BOM 的 UTF-16 或 GBK；Word/PDF 中的问题按“第N段”和引文定位）
outline  打印报告大纲
rules    列出全部规则：编号、默认级别、说明、标签、是否提供修复
review   审阅一批报告：每份一行的汇总表、关键数据、雷同段落（fazhi-report review --help）
annotate 把检查结果作为批注写入 Word 文档（默认另存为“原名.批注.docx”，原文件不变）
export   把草稿导出为 GB/T 9704 公文格式的 .docx（默认“原名.docx”）
lsp      以语言服务器方式运行（供 Neovim、Emacs、Helix 等编辑器使用）

退出码：0 无错误；1 有 error 级问题；2 有文件无法读取、用法错误或内部错误（加 --debug 显示详情）`;

class UsageError extends Error {}

/** What `check` looks for in a folder: every kind the reader layer takes. */
const CHECKED_EXTENSIONS: ReadonlySet<string> = new Set(DOCUMENT_EXTENSIONS);

/** Markdown unless the name says plain text; only for a file too large to read. */
function formatOf(file: string): 'markdown' | 'plain' {
  return /\.(md|markdown)$/i.test(file) ? 'markdown' : 'plain';
}

interface Parsed {
  flags: Map<string, string | true>;
  positional: string[];
}

function parseArgs(args: string[], valued: string[], boolean: string[]): Parsed {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (valued.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} 需要一个值`);
      flags.set(name, value);
    } else if (boolean.includes(name)) flags.set(name, true);
    else throw new UsageError(`未知选项 --${name}`);
  }
  return { flags, positional };
}

/** A configuration file is small: anything larger is not one. */
const MAX_CONFIG_SIZE = 1024 * 1024;

function loadSettings(configPath: string | undefined): Settings {
  let raw: unknown;
  if (configPath !== undefined) {
    // Read like a report (regular files only, bounded), and as settings.json is read: JSONC, a BOM allowed.
    const read = readBounded(configPath, MAX_CONFIG_SIZE);
    if (read.kind === 'error') throw new UsageError(`${configPath}: 无法读取配置文件（${read.reason}）`);
    if (read.kind === 'too-large') throw new UsageError(`${configPath}: 配置文件过大（超过 ${MAX_CONFIG_SIZE} 字节）`);
    const text = new TextDecoder('utf-8').decode(read.bytes);
    const errors: ParseError[] = [];
    raw = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length) {
      const e = errors[0];
      const line = text.slice(0, e.offset).split('\n').length;
      throw new UsageError(`${configPath}: 配置文件不是有效的 JSON（第 ${line} 行：${printParseErrorCode(e.error)}）`);
    }
  }
  const { settings, problems } = normalizeSettings(raw);
  for (const p of problems) process.stderr.write(`fazhi-report: ${configPath}: ${p}\n`);
  return settings;
}

async function check(args: string[]): Promise<number> {
  const { flags, positional } = parseArgs(args, ['format', 'year', 'config'], ['debug']);
  const format = (flags.get('format') as string | undefined) ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format 只能是 text、json 或 sarif，收到 ${format}`);
  if (positional.length === 0) throw new UsageError('请给出要检查的文件或目录');
  const settings = loadSettings(flags.get('config') as string | undefined);
  const year = flags.get('year');
  if (year !== undefined) {
    if (typeof year !== 'string' || !/^\d{4}$/.test(year) || !isReportYear(Number(year))) throw new UsageError(`--year 应为 1990–2100 之间的四位年份，收到 ${String(year)}`);
    settings.reportYear = Number(year);
  }

  const reports: FileReport[] = [];
  const skipped: string[] = [];
  for (const { file, error } of collectFiles(positional, CHECKED_EXTENSIONS, skipped)) {
    if (error) {
      reports.push({ file, error });
      continue;
    }
    // Every kind through the reader layer: text in UTF-8, UTF-16 or GB18030, .docx, .doc, .wps, PDF.
    const read = await readDocumentFile(file, settings.maxFileSize);
    if (read.kind === 'error') {
      reports.push({ file, error: read.reason });
      continue;
    }
    if (read.kind === 'too-large') {
      // An oversized file is not read; the skip is its one finding.
      reports.push({ file, analysis: tooLargeResult(read.size, read.limit, analyzeOptionsFrom(settings, formatOf(file))) });
      continue;
    }
    const { document } = read;
    reports.push({ file, analysis: analyze(document.text, analyzeOptionsFrom(settings, document.format)), document });
  }

  if (skipped.length) {
    const names = skipped.slice(0, 10).map(printableName).join(', ');
    process.stderr.write(`fazhi-report: 跳过 ${skipped.length} 个不支持的文件：${names}${skipped.length > 10 ? ' 等' : ''}\n`);
  }
  for (const r of reports) if ('document' in r && r.document) for (const note of r.document.notes) process.stderr.write(`fazhi-report: ${printableName(r.file)}: ${note}\n`);

  for (const r of reports) if ('error' in r) process.stderr.write(`fazhi-report: ${printableName(r.file)}: ${r.error}\n`);
  const out = new Output();
  out.writeAll(format === 'json' ? jsonChunks(reports) : format === 'sarif' ? sarifChunks(reports, VERSION) : textChunks(reports));
  out.flush();

  if (reports.some((r) => 'error' in r)) return 2;
  return reports.some((r) => 'analysis' in r && r.analysis.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

async function outline(args: string[]): Promise<number> {
  const { flags, positional } = parseArgs(args, ['format', 'config'], ['debug']);
  const format = (flags.get('format') as string | undefined) ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format 只能是 text 或 json，收到 ${format}`);
  if (positional.length !== 1) throw new UsageError('outline 需要恰好一个文件');
  const file = positional[0];
  const settings = loadSettings(flags.get('config') as string | undefined);
  const read = await readDocumentFile(file, settings.maxFileSize);
  if (read.kind !== 'document') {
    const reason = read.kind === 'error' ? read.reason : `文件过大（${read.size} 字节），超过上限 ${read.limit} 字节`;
    process.stderr.write(`fazhi-report: ${printableName(file)}: ${reason}\n`);
    return 2;
  }
  const { document } = read;
  for (const note of document.notes) process.stderr.write(`fazhi-report: ${printableName(file)}: ${note}\n`);
  const analysis = analyze(document.text, analyzeOptionsFrom(settings, document.format));
  // In a Word or PDF file a place is 第N段 (and the page), not a line of the extracted text.
  const locate = locator(document);
  const place = (range: Range) => {
    const at = locate?.(range);
    return at ? `${at.page !== undefined ? `第${at.page}页 ` : ''}第${at.paragraph}段` : String(range.start.line + 1);
  };
  const out = new Output();
  if (format === 'json') {
    const info = documentInfo(document);
    const located = (nodes: OutlineNode[]): OutlineNode[] => nodes.map((n) => ({ ...n, location: locate?.(n.selectionRange) ?? undefined, children: located(n.children) }));
    out.write(JSON.stringify({ file, ...(info ? { document: info } : {}), reportYear: analysis.reportYear, title: analysis.title, outline: locate ? located(analysis.outline) : analysis.outline }, null, 2) + '\n');
  } else {
    const lines: string[] = [];
    if (analysis.title) lines.push(`${analysis.title.text}    [${place(analysis.title.range)}]`);
    const walk = (nodes: OutlineNode[], depth: number) => {
      for (const n of nodes) {
        const label = n.kind === 'heading' ? `${n.numbering ?? ''}${n.title}` : n.kind === 'item' ? `· ${n.numbering ?? ''}${n.title}` : `[${n.kind === 'addressee' ? '主送' : '落款'}] ${n.title}`;
        lines.push(`${'  '.repeat(depth)}${label}    [${place(n.range)}]`);
        walk(n.children, depth + 1);
      }
    };
    walk(analysis.outline, 0);
    for (const line of lines) out.write(line + '\n');
  }
  out.flush();
  return 0;
}

const FIX_LABEL = { none: '无', safe: '可自动修复', manual: '手动修复' } as const;

/** Every rule: id, default severity, description, tags and whether it offers a fix (`safe`: `--fix`-able). */
function rules(args: string[]): number {
  const { flags, positional } = parseArgs(args, ['format'], ['debug']);
  const format = (flags.get('format') as string | undefined) ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format 只能是 text 或 json，收到 ${format}`);
  if (positional.length) throw new UsageError('rules 不接受文件参数');
  const list = ruleDescriptors();
  const out = new Output();
  if (format === 'json') {
    out.write(JSON.stringify(list.map(({ id, title, severity, description, tags, fix }) => ({ id, title, severity, description, tags, fix, hasFix: fix !== 'none' })), null, 2) + '\n');
  } else {
    const width = Math.max(...list.map((r) => r.id.length));
    for (const r of list) out.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  [${r.tags.join(',') || '-'}]  修复：${FIX_LABEL[r.fix]}  ${r.description}\n`);
  }
  out.flush();
  return 0;
}

export function main(argv: string[]): number | 'server' | Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest).catch((error: unknown) => failure(error, argv));
      case 'outline':
        return outline(rest).catch((error: unknown) => failure(error, argv));
      case 'rules':
        return rules(rest);
      case 'review':
        // Loaded on demand: `check` and `lsp` start without the review's libraries (exceljs).
        return import('./cli/review').then((m) => m.reviewMain(rest, VERSION));
      case 'annotate':
      case 'export': {
        const { flags, positional } = parseArgs(rest.map((a) => (a === '-o' ? '--output' : a)), ['output', 'config'], command === 'annotate' ? ['in-place', 'debug'] : ['debug']);
        if (positional.length !== 1) throw new UsageError(`${command} 需要恰好一个文件`);
        const common = { file: positional[0], output: flags.get('output') as string | undefined, settings: loadSettings(flags.get('config') as string | undefined) };
        // Loaded when asked for: `check` does not pay for the .docx writer.
        return import('./cli/word').then((w) => (command === 'annotate' ? w.annotateFile({ ...common, inPlace: flags.has('in-place') }) : w.exportFile(common)));
      }
      case 'lsp':
        runLanguageServer();
        return 'server';
      case '--version':
      case '-v':
        process.stdout.write(VERSION + '\n');
        return 0;
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE + '\n');
        return 0;
      default:
        throw new UsageError(command ? `未知命令 ${command}` : '缺少命令');
    }
  } catch (error) {
    return failure(error, argv);
  }
}

/** Exit status and message for an error: wrong usage, or a fault of ours. */
function failure(error: unknown, argv: string[]): number {
  if (error instanceof UsageError) {
    process.stderr.write(`fazhi-report: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  // A fault of ours is not a finding in the report: exit 2 (as ESLint does), one line, the stack on request.
  const debug = argv.includes('--debug');
  const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
  process.stderr.write(`fazhi-report: 内部错误：${detail}${debug ? '' : '（加 --debug 显示详情）'}\n`);
  return 2;
}

const code = main(process.argv.slice(2));
if (code instanceof Promise) void code.then((c) => (process.exitCode = c));
else if (code !== 'server') process.exitCode = code;
