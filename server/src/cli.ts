// CLI entry (dist/cli.js): fazhi-report check | outline | lsp.
import { readFileSync } from 'node:fs';
import { analyze, tooLargeAnalysis } from './analysis/analyze';
import type { OutlineNode } from './analysis/types';
import { collectFiles, readReport } from './files';
import { analyzeOptionsFrom, formatForPath, normalizeSettings, type Settings } from './settings';
import { formatSarif, formatText, type FileReport } from './cli/format';
import { runLanguageServer } from './lsp/run';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

const USAGE = `用法 (usage):
  fazhi-report check [--format text|json|sarif] [--year YYYY] [--config FILE] <文件|目录>...
  fazhi-report outline [--format text|json] <文件>
  fazhi-report lsp --stdio

check    检查报告：缺少的必备部分、占位符等；目录中的 .md/.markdown/.txt 文件都会检查
outline  打印报告大纲
lsp      以语言服务器方式运行（供 Neovim、Emacs、Helix 等编辑器使用）

退出码：0 无错误；1 有 error 级问题；2 有文件无法读取或用法错误`;

class UsageError extends Error {}

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

function loadSettings(configPath: string | undefined): Settings {
  let raw: unknown;
  if (configPath !== undefined) {
    let text: string;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch (error) {
      throw new UsageError(`${configPath}: 无法读取配置文件（${(error as NodeJS.ErrnoException).code ?? String(error)}）`);
    }
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`${configPath}: 配置文件不是有效的 JSON（${(error as Error).message}）`);
    }
  }
  const { settings, problems } = normalizeSettings(raw);
  for (const p of problems) process.stderr.write(`fazhi-report: ${configPath}: ${p}\n`);
  return settings;
}

function check(args: string[]): number {
  const { flags, positional } = parseArgs(args, ['format', 'year', 'config'], []);
  const format = (flags.get('format') as string | undefined) ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format 只能是 text、json 或 sarif，收到 ${format}`);
  if (positional.length === 0) throw new UsageError('请给出要检查的文件或目录');
  const settings = loadSettings(flags.get('config') as string | undefined);
  const year = flags.get('year');
  if (year !== undefined) {
    if (typeof year !== 'string' || !/^(19|20)\d{2}$/.test(year)) throw new UsageError(`--year 应为四位年份，收到 ${String(year)}`);
    settings.reportYear = Number(year);
  }

  const reports: FileReport[] = [];
  for (const { file, error } of collectFiles(positional)) {
    if (error) {
      reports.push({ file, error });
      continue;
    }
    const read = readReport(file, settings.maxFileSize);
    if (read.kind === 'error') {
      reports.push({ file, error: read.reason });
      continue;
    }
    const options = analyzeOptionsFrom(settings, formatForPath(file));
    // An oversized file is not read; the skip is its one finding.
    const analysis = read.kind === 'too-large' ? tooLargeAnalysis(read.size, settings.maxFileSize, options).analysis : analyze(read.text, options);
    reports.push({ file, analysis });
  }

  for (const r of reports) if ('error' in r) process.stderr.write(`fazhi-report: ${r.file}: ${r.error}\n`);
  if (format === 'json') process.stdout.write(JSON.stringify(reports.map((r) => ('error' in r ? r : { file: r.file, ...r.analysis })), null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(JSON.stringify(formatSarif(reports, VERSION), null, 2) + '\n');
  else process.stdout.write(formatText(reports));

  if (reports.some((r) => 'error' in r)) return 2;
  return reports.some((r) => 'analysis' in r && r.analysis.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function outline(args: string[]): number {
  const { flags, positional } = parseArgs(args, ['format', 'config'], []);
  const format = (flags.get('format') as string | undefined) ?? 'text';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format 只能是 text 或 json，收到 ${format}`);
  if (positional.length !== 1) throw new UsageError('outline 需要恰好一个文件');
  const file = positional[0];
  const settings = loadSettings(flags.get('config') as string | undefined);
  const read = readReport(file, settings.maxFileSize);
  if (read.kind !== 'text') {
    const reason = read.kind === 'error' ? read.reason : `文件过大（${read.size} 字节），超过上限 ${settings.maxFileSize} 字节`;
    process.stderr.write(`fazhi-report: ${file}: ${reason}\n`);
    return 2;
  }
  const analysis = analyze(read.text, analyzeOptionsFrom(settings, formatForPath(file)));
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ file, reportYear: analysis.reportYear, title: analysis.title, outline: analysis.outline }, null, 2) + '\n');
  } else {
    const lines: string[] = [];
    if (analysis.title) lines.push(`${analysis.title.text}    [${analysis.title.range.start.line + 1}]`);
    const walk = (nodes: OutlineNode[], depth: number) => {
      for (const n of nodes) {
        const label = n.kind === 'heading' ? `${n.numbering ?? ''}${n.title}` : n.kind === 'item' ? `· ${n.numbering ?? ''}${n.title}` : `[${n.kind === 'addressee' ? '主送' : '落款'}] ${n.title}`;
        lines.push(`${'  '.repeat(depth)}${label}    [${n.range.start.line + 1}]`);
        walk(n.children, depth + 1);
      }
    };
    walk(analysis.outline, 0);
    process.stdout.write(lines.join('\n') + '\n');
  }
  return 0;
}

export function main(argv: string[]): number | 'server' {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return check(rest);
      case 'outline':
        return outline(rest);
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
    if (error instanceof UsageError) {
      process.stderr.write(`fazhi-report: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

const code = main(process.argv.slice(2));
if (code !== 'server') process.exitCode = code;
