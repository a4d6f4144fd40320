// fazhi-report review <dir|files…> [--format table|csv|xlsx|html|json] [-o FILE] [--previous DIR]
// Its own options and its own usage line: the rest of the CLI is not touched.
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { review, type ReviewResult } from '../review';
import { renderCsv } from '../review/render/csv';
import { renderHtml } from '../review/render/html';
import { renderJson } from '../review/render/json';
import { renderTable } from '../review/render/table';
import { Output } from './output';

export const REVIEW_USAGE = `用法 (usage):
  fazhi-report review [--format table|csv|xlsx|html|json] [-o 文件] [--previous 上年目录] [--jobs N] [--debug] <目录|文件>...

审阅一批报告（.md .markdown .txt .docx .doc .wps .pdf）：每份报告一行（单位、年度、落款日期与报送时限、
必备部分、各类问题数、首个错误），关键数据，报告之间雷同的段落；--previous 给出上年报告时，
还列出沿用上年的段落、与上年相同的数据、上年安排在今年举措中未见下文的条目。

--format  table 终端表格（在终端上的默认格式）；csv 带 BOM 的 UTF-8（Excel 可直接打开）；
          xlsx 工作簿；html 单个网页文件（不联网）；json 供其他工具读取（输出到管道时的默认格式）
-o FILE   写入文件；未给 --format 时按扩展名（.csv .xlsx .html .json .txt）选择格式
--previous DIR  上年的报告（可给多次），按单位与今年的报告对应
--jobs N  同时分析的线程数（默认为处理器核数，最多 4）

退出码：0 无错误；1 有报告含 error 级问题；2 有文件无法读取、用法错误或内部错误`;

export const REVIEW_FORMATS = ['table', 'csv', 'xlsx', 'html', 'json'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

const BY_EXTENSION: Record<string, ReviewFormat> = { '.csv': 'csv', '.xlsx': 'xlsx', '.html': 'html', '.htm': 'html', '.json': 'json', '.txt': 'table' };

export async function render(result: ReviewResult, format: ReviewFormat, width = 160): Promise<string | Buffer> {
  switch (format) {
    case 'csv':
      return renderCsv(result);
    case 'xlsx':
      // exceljs is loaded only for a workbook.
      return (await import('../review/render/xlsx')).renderXlsx(result);
    case 'html':
      return renderHtml(result);
    case 'json':
      return renderJson(result);
    default:
      return renderTable(result, width);
  }
}

class ReviewUsageError extends Error {}

/** `fazhi-report review …` as the CLI calls it (with --help). */
export async function reviewMain(args: string[], version: string): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(REVIEW_USAGE + '\n');
    return 0;
  }
  return reviewCommand(args, version);
}

/** Runs `review`; never throws: usage errors and faults are one line on stderr and exit 2. */
export async function reviewCommand(args: string[], version: string): Promise<number> {
  const debug = args.includes('--debug');
  try {
    return await run(args, version);
  } catch (error) {
    if (error instanceof ReviewUsageError || (error as NodeJS.ErrnoException)?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`fazhi-report: ${(error as Error).message}\n\n${REVIEW_USAGE}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
    process.stderr.write(`fazhi-report: 内部错误：${detail}${debug ? '' : '（加 --debug 显示详情）'}\n`);
    return 2;
  }
}

async function run(args: string[], version: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      previous: { type: 'string', multiple: true },
      jobs: { type: 'string' },
      debug: { type: 'boolean' },
    },
  });
  const jobs = values.jobs === undefined ? Math.min(availableParallelism(), 4) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new ReviewUsageError(`--jobs 应为 1–64 之间的整数，收到 ${values.jobs}`);
  if (positionals.length === 0) throw new ReviewUsageError('请给出要审阅的目录或文件');
  const output = values.output;
  let format = values.format as ReviewFormat | undefined;
  if (format !== undefined && !REVIEW_FORMATS.includes(format)) throw new ReviewUsageError(`--format 只能是 ${REVIEW_FORMATS.join('、')}，收到 ${format}`);
  if (!format && output) format = BY_EXTENSION[extname(output).toLowerCase()];
  if (!format) format = output ? 'table' : process.stdout.isTTY ? 'table' : 'json';
  if (format === 'xlsx' && !output && process.stdout.isTTY) throw new ReviewUsageError('xlsx 是二进制文件，请用 -o 指定输出文件');

  // The worker is bundled next to this CLI (dist/review-worker.js); by default one per core, four at most.
  const workerScript = join(__dirname, 'review-worker.js');
  const result = await review(positionals, {
    previous: values.previous,
    version,
    workers: jobs,
    workerScript: existsSync(workerScript) ? workerScript : undefined,
  });
  for (const f of result.failures) process.stderr.write(`fazhi-report: ${f.file}: ${f.error}\n`);
  const rendered = await render(result, format, process.stdout.isTTY && !output ? (process.stdout.columns ?? 120) : 160);
  if (output) writeFileSync(output, rendered);
  else if (typeof rendered === 'string') {
    const out = new Output();
    out.write(rendered);
    out.flush();
  } else process.stdout.write(rendered);

  if (result.failures.length) return 2;
  return result.reports.some((r) => r.errors > 0) ? 1 : 0;
}
