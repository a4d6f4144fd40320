import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers';
import { commentsOf, extracted } from '../word-helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const SAMPLE = join(ROOT, 'samples', '2023-示例区-法治政府建设情况报告.md');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-word-cli-'));
  copyFileSync(join(FIXTURES, 'documents', 'report-numbered.docx'), join(tmp, 'report.docx'));
  copyFileSync(join(FIXTURES, 'documents', 'report.doc'), join(tmp, 'old.doc'));
  copyFileSync(SAMPLE, join(tmp, 'draft.md'));
  writeFileSync(join(tmp, 'notes.pdf'), 'x');
});

describe('fazhi-report annotate', () => {
  it('writes 原名.批注.docx next to the original, prints its path, leaves the original as it was', async () => {
    const before = readFileSync(join(tmp, 'report.docx'));
    const r = run(['annotate', 'report.docx'], tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('report.批注.docx\n');
    expect(r.stderr).toMatch(/^fazhi-report: report\.docx: \d+ 处问题，已写入 \d+ 条批注$/m);
    expect(readFileSync(join(tmp, 'report.docx')).equals(before)).toBe(true);
    const out = new Uint8Array(readFileSync(join(tmp, 'report.批注.docx')));
    expect(commentsOf(out)[0].paragraphs[0]).toMatch(/^【检查摘要】/);
    expect((await extracted(out)).text).toBe((await extracted(new Uint8Array(before))).text);
  });

  it('-o names the output; --in-place writes over the original, only when asked', () => {
    expect(run(['annotate', '-o', 'reviewed.docx', 'report.docx'], tmp)).toMatchObject({ code: 0, stdout: 'reviewed.docx\n' });
    expect(existsSync(join(tmp, 'reviewed.docx'))).toBe(true);
    const same = run(['annotate', '-o', 'report.docx', 'report.docx'], tmp);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('fazhi-report: report.docx: 输出文件就是原文件；如确要在原文件上加批注，请用 --in-place');
    copyFileSync(join(tmp, 'report.docx'), join(tmp, 'inplace.docx'));
    const before = readFileSync(join(tmp, 'inplace.docx'));
    expect(run(['annotate', '--in-place', 'inplace.docx'], tmp)).toMatchObject({ code: 0, stdout: 'inplace.docx\n' });
    expect(readFileSync(join(tmp, 'inplace.docx')).equals(before)).toBe(false);
  });

  it('exit 2 with the file and the reason for what cannot be annotated', () => {
    const missing = run(['annotate', 'missing.docx'], tmp);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^fazhi-report: missing\.docx: .*(不存在|找不到)/);
    const old = run(['annotate', 'old.doc'], tmp);
    expect(old).toMatchObject({ code: 2, stdout: '' });
    expect(old.stderr).toContain('fazhi-report: old.doc: 这是 Word 97–2003（.doc）或 WPS 旧格式文件，只能为 .docx 加批注');
    expect(existsSync(join(tmp, 'old.批注.doc'))).toBe(false);
    expect(run(['annotate', 'a.docx', 'b.docx'], tmp).code).toBe(2);
    expect(run(['export', '--in-place', 'draft.md'], tmp).stderr).toContain('未知选项 --in-place');
  });
});

describe('fazhi-report export', () => {
  it('writes 原名.docx, read back to the draft’s findings; never over an existing file it was not told to write', async () => {
    const r = run(['export', 'draft.md'], tmp);
    expect(r).toMatchObject({ code: 0, stdout: 'draft.docx\n' });
    const doc = await extracted(new Uint8Array(readFileSync(join(tmp, 'draft.docx'))));
    expect(doc.text.split('\n')[0]).toBe('示例区人民政府关于2023年度法治政府建设情况的报告');
    const again = run(['export', 'draft.md'], tmp);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('fazhi-report: draft.docx: 已存在；请用 -o 指定输出文件');
    expect(run(['export', 'draft.md', '-o', 'draft.docx'], tmp)).toMatchObject({ code: 0, stdout: 'draft.docx\n' });
  });

  it('exit 2 for what is not a draft', () => {
    const r = run(['export', 'notes.pdf'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fazhi-report: notes.pdf: 只能导出 .md、.markdown 或 .txt 草稿（收到 .pdf）');
  });
});
