// CLI entry (dist/cli.js): fazhi-report check | outline | rules | review | annotate | export | lsp.
// Arguments are parsed by commander; each command's work is in cli/*.ts.
import { Command, CommanderError, Option, type Help } from 'commander';
import pc from 'picocolors';
import { isReportYear } from './settings';
import { check, UsageError, type CheckOptions } from './cli/check';
import { ConfigError, ConfigResolver } from './cli/config';
import { outline } from './cli/outline';
import { rules } from './cli/rules';
import { runLanguageServer } from './lsp/run';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';

/** commander's English headings, each with its Chinese. */
const TITLES: Record<string, string> = {
  'Usage:': '用法 (Usage):',
  'Arguments:': '参数 (Arguments):',
  'Options:': '选项 (Options):',
  'Commands:': '命令 (Commands):',
};

const EXIT_CODES = `
退出码 (exit codes)：
  0  没有 error 级问题（No errors）
  1  有 error 级问题，或警告数超过 --max-warnings（Errors found, or too many warnings）
  2  有文件无法读取、配置错误、用法错误或内部错误；加 --debug 显示详情
     （A file could not be read, a bad config, wrong usage or an internal error）`;

const CHECK_HELP = `
检查 .md/.markdown/.txt/.docx/.doc/.wps/.pdf 文件；目录会递归查找，glob 请加引号（'reports/**/*.md'）。
文本可为 UTF-8、带 BOM 的 UTF-16 或 GBK；Word/PDF 中的问题按“第N段”和引文定位。
配置：从每个文件所在目录向上查找 .fazhi-report.json、.fazhi-reportrc、.fazhi-reportrc.json 或 package.json 的
"fazhi-report" 键（JSONC：可有 BOM 与 // 注释），--config 优先。遍历目录或 glob 时跳过 .gitignore 与
.fazhi-reportignore 忽略的文件，目录中只检查配置 files 所列的文件；命令行上直接给出的文件总会检查。
(Config is looked up from each file's folder upwards; ignore files and "files" apply to folders walked and globs.)

示例 (examples)：
  fazhi-report check 报告/
  fazhi-report check 'reports/**/*.md' --max-warnings 0
  cat 草稿.md | fazhi-report check - --stdin-filename 草稿.md
  fazhi-report check --fix 报告.md
  fazhi-report check --format sarif -o results.sarif reports/
${EXIT_CODES}`;

const FORMATS = ['text', 'json', 'sarif'] as const;

/** Colours: never with --no-color or NO_COLOR; with FORCE_COLOR as picocolors decides; otherwise only on a terminal. */
function useColor(flag: boolean): boolean {
  if (!flag || 'NO_COLOR' in process.env) return false;
  if ('FORCE_COLOR' in process.env) return pc.isColorSupported;
  return process.stdout.isTTY === true && process.env.TERM !== 'dumb';
}

function year(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value) || !isReportYear(Number(value))) throw new UsageError(`--year 应为 1990–2100 之间的四位年份，收到 ${value}`);
  return Number(value);
}

function count(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings 应为不小于 0 的整数，收到 ${value}`);
  return Number(value);
}

let quiet = false;
/** Help and version as Output writes findings: a reader that stops early (`| head -2`) ends them quietly. */
function writeOut(text: string): void {
  if (!quiet) {
    quiet = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  process.stdout.write(text);
}

/** The program; `result` receives each command's exit status. */
function program(result: { code: number | 'server' }): Command {
  const settingsFor = (file: string, config: string | undefined) => new ConfigResolver(config, (m) => process.stderr.write(`fazhi-report: ${m}\n`)).forFile(file).settings;
  // Columns line up in a terminal: a Chinese character takes two cells (commander counts one).
  const help: Partial<Help> = { styleTitle: (title: string) => TITLES[title] ?? title, displayWidth: terminalWidth };
  const root = new Command('fazhi-report')
    .description('法治政府建设报告助手：检查年度法治政府建设情况报告 (checks the annual rule-of-law government reports)')
    .version(VERSION, '-v, --version', '显示版本 (show the version)')
    .helpOption('-h, --help', '显示帮助 (show help)')
    .helpCommand('help [命令]', '显示命令的帮助 (show help for a command)')
    .configureHelp(help)
    .exitOverride()
    .configureOutput({ outputError: () => {}, writeOut })
    .showSuggestionAfterError(false)
    .addHelpText('after', EXIT_CODES);

  const command = (name: string) =>
    root
      .command(name)
      .helpOption('-h, --help', '显示帮助 (show help)')
      .configureHelp(help)
      .exitOverride()
      .configureOutput({ outputError: () => {}, writeOut })
      .showSuggestionAfterError(false);

  command('check')
    .description('检查报告：缺少的必备部分、占位符、数字与标点等 (check reports)')
    .argument('<路径...>', '文件、目录、glob，或 - 表示标准输入 (files, folders, globs, or - for stdin)')
    .addOption(new Option('--format <格式>', '输出格式 text | json | sarif (output format)').default('text'))
    .option('-o, --output <文件>', '写入文件而不是标准输出（原子写入，不可为被检查的文件） (write to a file)')
    .option('--config <文件>', '使用此配置文件，不再向上查找 (use this config, no lookup)')
    .option('--year <年份>', '报告年度，覆盖自动识别 (the report year)')
    .option('--fix', '应用安全的自动修复并写回 .md/.txt 文件，列出所改之处 (apply safe fixes)')
    .option('--fix-dry-run', '以统一 diff 打印安全修复，不写文件 (print safe fixes as a diff, write nothing)')
    .option('-q, --quiet', '只报告 error 级问题 (report errors only)')
    .option('--max-warnings <数量>', '警告超过此数时退出码为 1 (exit 1 when warnings exceed N)')
    .option('--stdin-filename <名称>', '标准输入的文件名：决定格式（.md Markdown，.txt 纯文本）、配置与输出中的名称 (name for stdin)')
    .option('--sarif-root <目录>', 'SARIF 中相对路径的根目录 %SRCROOT%（默认当前目录） (root of SARIF URIs)')
    .option('--no-color', '不使用颜色（也可设 NO_COLOR） (no colours)')
    .option('--debug', '内部错误时显示详情 (show details of internal errors)')
    .addHelpText('after', CHECK_HELP)
    .action(async (paths: string[], o: Record<string, string | boolean | undefined>) => {
      const format = o.format as string;
      if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format 只能是 text、json 或 sarif，收到 ${format}`);
      const options: CheckOptions = {
        format: format as CheckOptions['format'],
        year: year(o.year as string | undefined),
        config: o.config as string | undefined,
        fix: o.fix === true,
        fixDryRun: o.fixDryRun === true,
        quiet: o.quiet === true,
        maxWarnings: count(o.maxWarnings as string | undefined),
        output: o.output as string | undefined,
        color: useColor(o.color !== false),
        stdinFilename: o.stdinFilename as string | undefined,
        sarifRoot: o.sarifRoot as string | undefined,
      };
      result.code = await check(paths, options, VERSION);
    });

  command('outline')
    .description('打印报告大纲 (print the outline)')
    .argument('<文件>', '报告文件 (a report)')
    .addOption(new Option('--format <格式>', '输出格式 text | json (output format)').default('text'))
    .option('--config <文件>', '使用此配置文件，不再向上查找 (use this config)')
    .option('--debug', '内部错误时显示详情 (show details of internal errors)')
    .action(async (file: string, o: { format: string; config?: string }) => {
      result.code = await outline(file, o);
    });

  command('rules')
    .description('列出全部规则：编号、默认级别、说明、标签、是否提供修复 (list the rules)')
    .addOption(new Option('--format <格式>', '输出格式 text | json (output format)').default('text'))
    .option('--debug', '内部错误时显示详情 (show details of internal errors)')
    .action((o: { format: string }) => {
      result.code = rules(o.format);
    });

  // Parsed by review itself (main() hands it its arguments); listed here for the help.
  command('review').description('审阅一批报告：汇总表、关键数据、雷同段落；fazhi-report review --help (review a batch of reports)');

  command('annotate')
    .description('把检查结果作为批注写入 Word 文档（默认另存为“原名.批注.docx”，原文件不变） (annotate a .docx)')
    .argument('<报告.docx>', 'Word 文档 (a .docx)')
    .option('-o, --output <文件>', '输出文件 (output file)')
    .option('--in-place', '在原文件上加批注 (annotate the file itself)')
    .option('--config <文件>', '使用此配置文件，不再向上查找 (use this config)')
    .option('--debug', '内部错误时显示详情 (show details of internal errors)')
    .action(async (file: string, o: { output?: string; inPlace?: boolean; config?: string }) => {
      // Loaded when asked for: `check` does not pay for the .docx writer.
      const w = await import('./cli/word');
      result.code = await w.annotateFile({ file, output: o.output, settings: settingsFor(file, o.config), inPlace: o.inPlace === true });
    });

  command('export')
    .description('把草稿导出为 GB/T 9704 公文格式的 .docx（默认“原名.docx”） (export a draft to .docx)')
    .argument('<草稿>', '.md 或 .txt 草稿 (a draft)')
    .option('-o, --output <文件>', '输出文件 (output file)')
    .option('--config <文件>', '使用此配置文件，不再向上查找 (use this config)')
    .option('--debug', '内部错误时显示详情 (show details of internal errors)')
    .action(async (file: string, o: { output?: string; config?: string }) => {
      const w = await import('./cli/word');
      result.code = await w.exportFile({ file, output: o.output, settings: settingsFor(file, o.config) });
    });

  command('lsp')
    .description('以语言服务器方式运行（供 Neovim、Emacs、Helix 等编辑器使用） (run as a language server)')
    .option('--stdio', '经标准输入输出通信 (talk over stdio)')
    // The transport options vscode-languageserver reads itself (--node-ipc, --socket=N).
    .allowUnknownOption()
    .action(() => {
      runLanguageServer();
      result.code = 'server';
    });

  return root;
}

/** commander's error → our message in Chinese (its English kept where it says more). */
function usageMessage(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return `未知选项 ${quoted} (unknown option)`;
    case 'commander.unknownCommand':
      return `未知命令 ${quoted} (unknown command)`;
    case 'commander.missingArgument':
      return `缺少参数 ${quoted}：请给出要处理的文件 (missing argument)`;
    case 'commander.optionMissingArgument':
      return `${quoted.split(' ')[0]} 需要一个值 (option needs a value)`;
    case 'commander.excessArguments':
      return `参数过多 (too many arguments)：${error.message.replace(/^error: /, '')}`;
    default:
      return error.message.replace(/^error: /, '');
  }
}

export async function main(argv: string[]): Promise<number | 'server'> {
  const [first, ...rest] = argv;
  // Loaded on demand, with its own options: `check` and `lsp` start without the review's libraries (exceljs).
  if (first === 'review') return import('./cli/review').then((m) => m.reviewMain(rest, VERSION));
  const result: { code: number | 'server' } = { code: 0 };
  const root = program(result);
  if (argv.length === 0) {
    process.stderr.write(`fazhi-report: 缺少命令 (missing command)\n\n${root.helpInformation()}`);
    return 2;
  }
  try {
    await root.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      process.stderr.write(`fazhi-report: ${usageMessage(error)}\n\n${usageOf(root, argv)}`);
      return 2;
    }
    return failure(error, argv, root);
  }
}

/** After a usage error: the command's usage line and where its help is; the whole help when no command was recognised. */
function usageOf(root: Command, argv: string[]): string {
  const cmd = root.commands.find((c) => argv.includes(c.name()));
  if (!cmd) return root.helpInformation();
  return `用法 (Usage): fazhi-report ${cmd.name()} ${cmd.usage()}\n（fazhi-report ${cmd.name()} --help 显示全部选项 / shows every option）\n`;
}

/** Exit status and message for an error: wrong usage or a bad config, or a fault of ours. */
function failure(error: unknown, argv: string[], root: Command): number {
  if (error instanceof UsageError) {
    process.stderr.write(`fazhi-report: ${error.message}\n\n${usageOf(root, argv)}`);
    return 2;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`fazhi-report: ${error.message}\n`);
    return 2;
  }
  // A fault of ours is not a finding in the report: exit 2 (as ESLint does), one line, the stack on request.
  const debug = argv.includes('--debug');
  const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error);
  process.stderr.write(`fazhi-report: 内部错误：${detail}${debug ? '' : '（加 --debug 显示详情）'}\n`);
  return 2;
}

void main(process.argv.slice(2)).then((code) => {
  if (code !== 'server') process.exitCode = code;
});

/** The cells a text takes in a terminal: East Asian wide and full-width characters two, colour codes none. */
export function terminalWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\u001b\[[0-9;]*m/g, '')) {
    const c = ch.codePointAt(0)!;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}
