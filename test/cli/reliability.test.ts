// What hostile files, names and settings once did to the CLI; each test is
// named after what it protects.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { manualDocx } from '../documents-fixtures';
import { CORPUS, CORPUS_DIR, ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], options: { nodeArgs?: string[]; timeout?: number } = {}) {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: options.timeout ?? 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

const REPORT = '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n全年受理XX件。\n';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-reliability-'));
  writeFileSync(join(tmp, 'numeral.txt'), '共一' + '万'.repeat(5000) + '件');
  writeFileSync(join(tmp, 'report.txt'), REPORT);
  execFileSync('mkfifo', [join(tmp, 'fifo.txt')]);
  execFileSync('mkfifo', [join(tmp, 'fifo.docx')]);
  execFileSync('mkfifo', [join(tmp, 'fifo.pdf')]);
  mkdirSync(join(tmp, 'linked'));
  symlinkSync(join(CORPUS_DIR, CORPUS.xinyang), join(tmp, 'linked', 'xinyang.txt'));
  symlinkSync(join(tmp, 'linked'), join(tmp, 'linked', 'loop'));
  writeFileSync(join(tmp, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPORT, 'utf16le')]));
  writeFileSync(join(tmp, 'utf16be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(REPORT, 'utf16le').swap16()]));
  writeFileSync(join(tmp, '名\n字.txt'), REPORT);
});

describe('the CLI on hostile input', () => {
  it('a numeral of 5,000 万 among other files: no crash, every file reported', () => {
    const r = run(['check', '--format', 'json', join(tmp, 'numeral.txt'), join(tmp, 'report.txt')]);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    expect(r.code).toBe(1); // the second file has a placeholder
  });

  it('5 MB of XX lines gives JSON and SARIF that parse, the findings capped per rule', () => {
    const big = join(tmp, 'xx.txt');
    writeFileSync(big, 'XX\n'.repeat(1_700_000));
    for (const format of ['json', 'sarif']) {
      const r = run(['check', '--format', format, big]);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout);
      const findings = format === 'json' ? out[0].findings : out.runs[0].results;
      expect(findings.length).toBeGreaterThan(1000);
      expect(findings.length).toBeLessThan(1100);
      expect(r.code).toBe(1);
    }
  }, 120_000);

  it('a FIFO given as a file or as --config is refused at once, never read', () => {
    const r = run(['check', join(tmp, 'fifo.txt'), join(tmp, 'report.txt')], { timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(tmp, 'fifo.txt')}: 不是普通文件（命名管道），无法检查`);
    expect(r.stdout).toContain('检查了 1 个文件，1 个无法读取');
    const c = run(['check', '--config', join(tmp, 'fifo.txt'), join(tmp, 'report.txt')], { timeout: 20_000 });
    expect(c.signal).toBeNull();
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('无法读取配置文件（不是普通文件（命名管道），无法检查）');
  });

  it('a FIFO named .docx or .pdf is refused at once too, never handed to a reader', () => {
    const r = run(['check', join(tmp, 'fifo.docx'), join(tmp, 'fifo.pdf'), join(tmp, 'report.txt')], { timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(tmp, 'fifo.docx')}: 不是普通文件（命名管道），无法检查`);
    expect(r.stderr).toContain(`${join(tmp, 'fifo.pdf')}: 不是普通文件（命名管道），无法检查`);
    expect(r.stdout).toContain('检查了 1 个文件，2 个无法读取');
  });

  it('a Word or PDF file whose text is over the size limit is not checked: one info finding, as for text', async () => {
    const config = join(tmp, 'small.json');
    writeFileSync(config, JSON.stringify({ maxFileSize: 1000 }));
    const docx = join(tmp, 'long.docx');
    // Its bytes (a compressed zip) are under the limit; its text is not.
    writeFileSync(docx, await manualDocx('全年受理行政调解案件1195件。\n'.repeat(200)));
    const r = run(['check', '--format', 'json', '--config', config, docx]);
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.stdout)[0].findings;
    expect(findings.map((f: { rule: string; severity: string; message: string }) => [f.rule, f.severity, /超过 0\.0 MB 上限/.test(f.message)])).toEqual([['file-size', 'info', true]]);
  });

  it('a Word or PDF file over 128 MB is not read at all (pictures make a .docx large, not its text)', () => {
    const big = join(tmp, 'huge.pdf');
    // Sparse: no disk is used, and the size alone refuses it.
    execFileSync('truncate', ['-s', String(129 * 1024 * 1024), big]);
    const r = run(['check', '--format', 'json', big]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0].findings[0].message).toMatch(/^文件过大（129\.0 MB，超过 128\.0 MB 上限）/);
  });

  it('/dev/zero and /dev/urandom are refused, not read until memory runs out', () => {
    const r = run(['check', '/dev/zero', '/dev/urandom'], { timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero: 不是普通文件（设备文件），无法检查');
    expect(r.stderr).toContain('/dev/urandom: 不是普通文件（设备文件），无法检查');
  });

  it('an internal error exits 2 with one line, and the stack only under --debug', () => {
    // A fault injected into the process (test/cli/inject-fault.cjs) stands for any bug of ours.
    const inject = ['-r', join(ROOT, 'test', 'cli', 'inject-fault.cjs')];
    const r = run(['check', join(tmp, 'report.txt')], { nodeArgs: inject });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['fazhi-report: 内部错误：injected fault（加 --debug 显示详情）']);
    const d = run(['check', '--debug', join(tmp, 'report.txt')], { nodeArgs: inject });
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/内部错误：Error: injected fault\n\s+at /);
  });

  it('a reader that stops early (| head -1) ends the output quietly', () => {
    // Far more output than a pipe holds, so the writer meets the closed pipe.
    const many = join(tmp, 'many');
    mkdirSync(many, { recursive: true });
    for (let i = 0; i < 10; i++) writeFileSync(join(many, `${i}.txt`), 'XX\n'.repeat(1000));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check "${many}" | head -1`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('a symbolic link in a folder is followed, and a link back to the folder is walked once', () => {
    const r = run(['check', '--format', 'json', join(tmp, 'linked')], { timeout: 20_000 });
    const out = JSON.parse(r.stdout);
    expect(out.map((e: { file: string }) => e.file)).toEqual([join(tmp, 'linked', 'xinyang.txt')]);
  });

  it('a file named twice is checked once', () => {
    const r = run(['check', '--format', 'json', join(tmp, 'report.txt'), join(tmp, 'report.txt'), join(tmp, '.', 'report.txt')]);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('UTF-16 text with a byte order mark is read, little- and big-endian', () => {
    const r = run(['check', '--format', 'json', join(tmp, 'utf16.txt'), join(tmp, 'utf16be.txt')]);
    const out = JSON.parse(r.stdout);
    for (const e of out) {
      expect(e.error).toBeUndefined();
      expect(e.title.text).toBe('某区2023年度法治政府建设情况报告');
    }
  });

  it('a newline in a file name cannot forge a finding line', () => {
    const r = run(['check', join(tmp, '名\n字.txt')]);
    const lines = r.stdout.trim().split('\n');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^.+名\\n字\.txt:\d+:\d+: (error|warning|info) /);
  });

  it('--config is read as settings.json is: a BOM and comments are accepted', () => {
    const config = join(tmp, 'commented.json');
    writeFileSync(config, '\ufeff{\n  // 占位符只作提醒\n  "fazhiReport.rules": { "placeholder": "warning" }, /* trailing */\n}\n');
    const r = run(['check', '--format', 'json', '--config', config, join(tmp, 'report.txt')]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)[0].findings.find((f: { rule: string }) => f.rule === 'placeholder').severity).toBe('warning');
  });

  it('--year and the reportYear setting accept the same years', () => {
    const config = join(tmp, 'year.json');
    for (const year of [1990, 2100]) {
      expect(run(['check', '--format', 'json', '--year', String(year), join(tmp, 'report.txt')]).code).not.toBe(2);
      writeFileSync(config, JSON.stringify({ reportYear: year }));
      expect(JSON.parse(run(['check', '--format', 'json', '--config', config, join(tmp, 'report.txt')]).stdout)[0].reportYear).toBe(year);
    }
    for (const year of [1989, 2101]) {
      expect(run(['check', '--year', String(year), join(tmp, 'report.txt')]).code).toBe(2);
      writeFileSync(config, JSON.stringify({ reportYear: year }));
      expect(run(['check', '--config', config, join(tmp, 'report.txt')]).stderr).toContain('应为 1990–2100 之间的年份');
    }
  });
});
