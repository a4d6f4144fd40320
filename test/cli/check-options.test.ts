// fazhi-report check as a user of markdownlint-cli2 or ESLint expects it (issue #22): help, config
// discovery, globs and ignore files, standard input, --fix, --quiet, --max-warnings, -o, colours, positions.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd: string, input?: string, env: Record<string, string> = {}) {
  const clean = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR']) delete clean[k];
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input, env: { ...clean, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A placeholder on line 3; the rest is a report with every part. */
const REPORT = [
  '# 某区2023年度法治政府建设情况报告',
  '',
  '全年受理矛盾纠纷XX件。',
  '',
  '一、推进法治政府建设的主要举措和成效',
  '',
  '二、主要负责人履行推进法治建设第一责任人职责情况',
  '',
  '三、存在的不足和原因',
  '',
  '四、2024年度推进法治政府建设的主要安排',
  '',
  '某区人民政府',
  '',
  '2024年2月20日',
  '',
].join('\n');

/** A rate that its numbers contradict (a safe fix) in a report that lacks its parts (a manual fix). */
const RATE = '某区2023年度法治政府建设情况报告\n\n受理案件100件，办结99件，办结率为98%。\n';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fazhi-check-'));
  // A git root: ignore files above it do not count.
  mkdirSync(join(dir, '.git'));
});

const findings = (stdout: string) => stdout.trim().split('\n').slice(0, -1);

describe('the command line', () => {
  it('--help for check lists every option in Chinese with English, and exits 0', () => {
    const r = run(['check', '--help'], dir);
    expect(r.code).toBe(0);
    for (const option of ['--format', '--output', '--config', '--year', '--fix', '--fix-dry-run', '--quiet', '--max-warnings', '--stdin-filename', '--sarif-root', '--no-color']) expect(r.stdout).toContain(option);
    expect(r.stdout).toContain('用法 (Usage):');
    expect(r.stdout).toContain('只报告 error 级问题 (report errors only)');
  });

  it('--help lines the descriptions up in a terminal, a Chinese character two cells wide', () => {
    const cells = (s: string) => [...s].reduce((n, c) => n + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(c) ? 2 : 1), 0);
    const options = run(['check', '--help'], dir).stdout.split('\n').filter((l) => /^ {2}-/.test(l));
    const starts = new Set(options.map((l) => cells(l.match(/^ {2}\S.*?\S {2,}/)![0])));
    expect(starts.size).toBe(1);
  });

  it('help read by a reader that stops early (| head -1) ends quietly', () => {
    for (const args of ['help check', 'check --help', '--help']) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ${args} | head -1`], { cwd: dir, encoding: 'utf8' });
      expect(r.stdout, args).toMatch(/^用法 \(Usage\): fazhi-report/);
      expect(r.stderr, args).toBe('');
    }
  });

  it('--version prints the package version', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(run(['--version'], dir).stdout.trim()).toBe(version);
  });

  it('an unknown option is a usage error naming it, exit 2', () => {
    writeFileSync(join(dir, 'a.md'), REPORT);
    for (const command of ['check', 'outline', 'rules']) {
      const r = run([command, '--frobnicate', 'a.md'], dir);
      expect(r.code, command).toBe(2);
      expect(r.stderr).toContain('未知选项 --frobnicate');
      expect(r.stderr).toContain(`用法 (Usage): fazhi-report ${command}`);
    }
  });

  it('--max-warnings needs a count', () => {
    const r = run(['check', '--max-warnings', 'many', 'a.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-warnings 应为不小于 0 的整数，收到 many');
  });
});

describe('config discovery', () => {
  it('finds .fazhi-report.json above the file (JSONC with a BOM and comments), and its files globs keep a README out', () => {
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, '.fazhi-report.json'), '\ufeff{\n  // 只检查报告\n  "fazhiReport.files": ["*报告*.md"],\n  "rules": { "placeholder": "warning" },\n}\n');
    writeFileSync(join(dir, 'reports', '2023年报告.md'), REPORT);
    writeFileSync(join(dir, 'reports', 'README.md'), '# 说明\n\n把报告放在这里。\n');
    const r = run(['check', 'reports'], dir);
    expect(r.stderr).toBe('');
    expect(findings(r.stdout)).toEqual([`reports/2023年报告.md:3:9: warning 遗留占位符“XX”：请填入实际内容 [placeholder]`]);
    expect(r.code).toBe(0);
    // Named on the command line, the README is checked: naming a file asks for it.
    expect(run(['check', 'reports/README.md'], dir).stdout).toContain('reports/README.md:');
  });

  it('reads the "fazhi-report" key of package.json, and .fazhi-reportrc nearer the file wins', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', 'fazhi-report': { rules: { placeholder: 'off' } } }));
    writeFileSync(join(dir, 'a', 'one.md'), REPORT);
    writeFileSync(join(dir, 'a', 'b', 'two.md'), REPORT);
    writeFileSync(join(dir, 'a', 'b', '.fazhi-reportrc'), '{ "rules": { "placeholder": "info" } }');
    const out = JSON.parse(run(['check', '--format', 'json', 'a'], dir).stdout);
    expect(out.map((e: { findings: { rule: string; severity: string }[] }) => e.findings.filter((f) => f.rule === 'placeholder').map((f) => f.severity))).toEqual([['info'], []]);
    expect(out.map((e: { file: string }) => e.file)).toEqual(['a/b/two.md', 'a/one.md']);
  });

  it('--config overrides discovery, and is read with a BOM and comments too', () => {
    writeFileSync(join(dir, '.fazhi-report.json'), '{ "rules": { "placeholder": "off" } }');
    writeFileSync(join(dir, 'given.jsonc'), '\ufeff// 由命令行给出\n{ "rules": { "placeholder": "warning" } }');
    writeFileSync(join(dir, 'r.md'), REPORT);
    expect(findings(run(['check', 'r.md'], dir).stdout)).toEqual([]);
    expect(findings(run(['check', '--config', 'given.jsonc', 'r.md'], dir).stdout)).toEqual(['r.md:3:9: warning 遗留占位符“XX”：请填入实际内容 [placeholder]']);
  });

  it('a discovered config that is not JSON: the file and the reason, exit 2', () => {
    writeFileSync(join(dir, '.fazhi-reportrc.json'), '{ "rules": ');
    writeFileSync(join(dir, 'r.md'), REPORT);
    const r = run(['check', 'r.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.fazhi-reportrc\.json: 配置文件不是有效的 JSON（第 1 行：/);
  });
});

describe('inputs', () => {
  it('expands a glob, sorted, leaving out what .gitignore and .fazhi-reportignore ignore', () => {
    mkdirSync(join(dir, 'reports', 'old'), { recursive: true });
    mkdirSync(join(dir, 'reports', 'new'), { recursive: true });
    for (const f of ['reports/new/b.md', 'reports/new/a.md', 'reports/old/c.md', 'reports/new/draft.md']) writeFileSync(join(dir, f), REPORT);
    writeFileSync(join(dir, '.gitignore'), 'old/\n');
    writeFileSync(join(dir, 'reports', '.fazhi-reportignore'), 'draft.md\n');
    const files = (args: string[]) => JSON.parse(run(['check', '--format', 'json', ...args], dir).stdout).map((e: { file: string }) => e.file);
    expect(files(['reports/**/*.md'])).toEqual(['reports/new/a.md', 'reports/new/b.md']);
    // The same when the folder is walked; named, an ignored file is checked.
    expect(files(['reports'])).toEqual(['reports/new/a.md', 'reports/new/b.md']);
    expect(files(['reports/old/c.md'])).toEqual(['reports/old/c.md']);
  });

  it('a glob that matches nothing is an error of that argument, exit 2', () => {
    const r = run(['check', 'nowhere/*.md'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nowhere/*.md: 没有与之匹配的文件');
  });

  it('- reads standard input: plain text named <stdin>, or as --stdin-filename says', () => {
    const plain = run(['check', '-'], dir, '# 标题\n共XX件\n');
    expect(plain.stdout).toContain('<stdin>:2:2: error 遗留占位符“XX”');
    const md = JSON.parse(run(['check', '--format', 'json', '-', '--stdin-filename', 'drafts/r.md'], dir, REPORT).stdout);
    expect(md[0].file).toBe('drafts/r.md');
    expect(md[0].title.text).toBe('某区2023年度法治政府建设情况报告');
  });
});

describe('positions', () => {
  it('columns count characters: 𠮷 (outside the BMP) is one; JSON keeps the LSP range and adds 1-based line/column', () => {
    writeFileSync(join(dir, 'r.txt'), '某区2023年度法治政府建设情况报告\n𠮷𠮷共XX件。\n');
    const text = run(['check', 'r.txt'], dir).stdout;
    expect(text).toContain('r.txt:2:4: error 遗留占位符“XX”');
    const f = JSON.parse(run(['check', '--format', 'json', 'r.txt'], dir).stdout)[0].findings.find((x: { rule: string }) => x.rule === 'placeholder');
    expect(f.range).toEqual({ start: { line: 1, character: 5 }, end: { line: 1, character: 7 } });
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([2, 4, 2, 6]);
  });
});

describe('--fix and --fix-dry-run', () => {
  it('--fix applies the safe fix only, says what it changed, and reports what remains', () => {
    writeFileSync(join(dir, 'r.txt'), RATE);
    const r = run(['check', '--fix', 'r.txt'], dir);
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe(RATE.replace('98%', '99%'));
    expect(r.stderr).toContain('已修复 r.txt:3:20: [rate-mismatch] “98%” → “99%”');
    // The missing parts are a manual fix: reported, not inserted.
    expect(r.stdout).toContain('[required-section]');
    expect(r.stdout).not.toContain('[rate-mismatch]');
    expect(r.code).toBe(1);
  });

  it('--fix keeps a UTF-8 BOM', () => {
    writeFileSync(join(dir, 'r.md'), '\ufeff' + RATE);
    run(['check', '--fix', 'r.md'], dir);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toBe('\ufeff' + RATE.replace('98%', '99%'));
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    writeFileSync(join(dir, 'r.txt'), RATE);
    const r = run(['check', '--fix-dry-run', 'r.txt'], dir);
    expect(r.stdout).toBe(['--- a/r.txt', '+++ b/r.txt', '@@ -1,3 +1,3 @@', ' 某区2023年度法治政府建设情况报告', ' ', '-受理案件100件，办结99件，办结率为98%。', '+受理案件100件，办结99件，办结率为99%。', ''].join('\n'));
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toBe(RATE);
  });
});

describe('--quiet, --max-warnings, -o, colours', () => {
  const config = JSON.stringify({ rules: { placeholder: 'warning' } });

  it('--quiet shows errors only; --max-warnings fails a run with only warnings', () => {
    writeFileSync(join(dir, '.fazhi-report.json'), config);
    writeFileSync(join(dir, 'r.md'), REPORT);
    expect(findings(run(['check', '--quiet', 'r.md'], dir).stdout)).toEqual([]);
    expect(run(['check', 'r.md'], dir).code).toBe(0);
    expect(run(['check', '--max-warnings', '1', 'r.md'], dir).code).toBe(0);
    const over = run(['check', '--quiet', '--max-warnings', '0', 'r.md'], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('警告 1 个，超过 --max-warnings 0');
  });

  it('-o writes the report to a file, never over a file it checks', () => {
    writeFileSync(join(dir, 'r.md'), REPORT);
    const r = run(['check', '--format', 'json', '-o', 'out.json', 'r.md'], dir);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))[0].file).toBe('r.md');
    const same = run(['check', '-o', 'r.md', '.'], dir);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('-o r.md: 输出文件就是被检查的文件');
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toBe(REPORT);
    const nowhere = run(['check', '-o', 'no/such/folder/out.txt', 'r.md'], dir);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('no/such/folder/out.txt: 无法写入输出文件（文件或目录不存在）');
  });

  it('colours only when asked for off a terminal (FORCE_COLOR), never with --no-color or NO_COLOR', () => {
    writeFileSync(join(dir, 'r.md'), REPORT);
    const esc = '\u001b[';
    expect(run(['check', 'r.md'], dir).stdout).not.toContain(esc);
    expect(run(['check', 'r.md'], dir, undefined, { FORCE_COLOR: '1' }).stdout).toContain(esc);
    expect(run(['check', '--no-color', 'r.md'], dir, undefined, { FORCE_COLOR: '1' }).stdout).not.toContain(esc);
    expect(run(['check', 'r.md'], dir, undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain(esc);
  });

  it('--sarif-root is accepted for SARIF output', () => {
    writeFileSync(join(dir, 'r.md'), REPORT);
    const r = run(['check', '--format', 'sarif', '--sarif-root', dir, 'r.md'], dir);
    expect(JSON.parse(r.stdout).version).toBe('2.1.0');
  });
});

describe('--fix never touches a Word or PDF file', () => {
  it('says so, naming the file, and leaves its bytes as they were', () => {
    const docx = join(dir, 'report.docx');
    copyFileSync(join(ROOT, 'test', 'fixtures', 'documents', 'report-numbered.docx'), docx);
    const before = readFileSync(docx);
    const r = run(['check', '--fix', 'report.docx'], dir);
    expect(readFileSync(docx).equals(before)).toBe(true);
    // Its rate has a safe fix in a text file; here it stays a finding.
    expect(r.stdout).toContain('[rate-mismatch]');
    expect(r.stderr).toContain('report.docx: 未修复：只修复 UTF-8 编码的 .md、.markdown、.txt 文件');
  });
});

describe('a folder named on the command line', () => {
  it('is walked even when ignored itself, by its own ignore files; a glob whose files are all ignored says so', () => {
    mkdirSync(join(dir, 'build', 'reports'), { recursive: true });
    writeFileSync(join(dir, '.gitignore'), 'build/\n');
    writeFileSync(join(dir, 'build', 'reports', 'a.md'), REPORT);
    writeFileSync(join(dir, 'build', 'reports', 'b.md'), REPORT);
    writeFileSync(join(dir, 'build', '.fazhi-reportignore'), 'b.md\n');
    const r = run(['check', '--format', 'json', 'build'], dir);
    expect(JSON.parse(r.stdout).map((e: { file: string }) => e.file)).toEqual(['build/reports/a.md']);
    const glob = run(['check', 'build/**/*.md'], dir);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('build/**/*.md: 匹配的 2 个文件都被 .gitignore 或 .fazhi-reportignore 忽略');
  });
});
