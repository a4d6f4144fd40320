// The commands that work on files, run by the report service (the server has
// the file access; the client only shows dialogs): a .docx annotated beside
// itself, a report exported as a .docx, a folder reviewed. Each with the
// settings of its own folder.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { manualDocx } from '../documents-fixtures';
import { commentsOf } from '../word-helpers';
import { CORPUS, corpus } from '../helpers';
import { harness, NONE } from '../service';

const dir = mkdtempSync(join(tmpdir(), 'fazhi-service-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const uriOf = (path: string) => pathToFileURL(path).href;
const run = (h: ReturnType<typeof harness>, command: string, args: unknown) => h.service.commands.execute(command, { arguments: [args] }, NONE);

const DRAFT = '某区人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年受理XX件。\n';

describe('批注 Word 文档 through the server', () => {
  it('writes the findings as comments beside the original, with the folder\'s rules, and leaves the original as it was', async () => {
    for (const folder of ['strict', 'lenient']) mkdirSync(join(dir, folder));
    const bytes = await manualDocx(DRAFT);
    writeFileSync(join(dir, 'strict', 'draft.docx'), bytes);
    writeFileSync(join(dir, 'lenient', 'draft.docx'), bytes);
    // The lenient folder turns the placeholder rule off.
    const h = harness((uri) => (uri.includes('/lenient/') ? { rules: { placeholder: 'off' } } : {}));
    const strict = (await run(h, 'fazhiReport.server.annotateWord', { uri: uriOf(join(dir, 'strict', 'draft.docx')) })) as { ok: true; output: string; findings: number };
    const lenient = (await run(h, 'fazhiReport.server.annotateWord', { uri: uriOf(join(dir, 'lenient', 'draft.docx')) })) as { ok: true; output: string; findings: number };
    expect(strict).toMatchObject({ ok: true, output: uriOf(join(dir, 'strict', 'draft.批注.docx')) });
    const placeholderComments = (file: string) => commentsOf(readFileSync(file)).filter((c) => /XX/.test(c.paragraphs.join(''))).length;
    expect(placeholderComments(join(dir, 'strict', 'draft.批注.docx'))).toBeGreaterThan(0);
    expect(placeholderComments(join(dir, 'lenient', 'draft.批注.docx'))).toBe(0);
    expect(lenient.findings).toBeLessThan(strict.findings);
    expect(Buffer.compare(readFileSync(join(dir, 'strict', 'draft.docx')), Buffer.from(bytes))).toBe(0);
  });

  it('says why a file that is not a .docx cannot be annotated, naming it', async () => {
    writeFileSync(join(dir, 'notes.docx'), '不是 Word 文件');
    const result = await run(harness(), 'fazhiReport.server.annotateWord', { uri: uriOf(join(dir, 'notes.docx')) });
    expect(result).toEqual({ ok: false, reason: '无法批注“notes.docx”：不是有效的 .docx 文件（不是 zip 压缩包）' });
  });
});

describe('导出为公文格式 Word through the server', () => {
  it('writes the open report as a .docx where asked, never over the report itself', async () => {
    const h = harness();
    const report = uriOf(join(dir, 'report.md'));
    h.open(report, DRAFT, 'markdown');
    const target = join(dir, 'report.docx');
    expect(await run(h, 'fazhiReport.server.exportWord', { uri: report, target: uriOf(target) })).toEqual({ ok: true, output: uriOf(target) });
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(await run(h, 'fazhiReport.server.exportWord', { uri: report, target: report })).toMatchObject({ ok: false });
  });
});

describe('审阅文件夹 through the server', () => {
  it('reviews a folder of real reports into the page the webview shows, listing the files it may open', async () => {
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    writeFileSync(join(folder, CORPUS.xinyang), corpus(CORPUS.xinyang));
    writeFileSync(join(folder, CORPUS.suxitong), corpus(CORPUS.suxitong));
    const result = (await run(harness(), 'fazhiReport.server.reviewFolder', { folder: uriOf(folder), nonce: 'abc', cspSource: 'vscode-resource:' })) as { ok: true; reports: number; html: string; files: string[] };
    expect(result.reports).toBe(2);
    expect(result.files.sort()).toEqual([join(folder, CORPUS.xinyang), join(folder, CORPUS.suxitong)].sort());
    expect(result.html).toContain("'nonce-abc'");
    expect(existsSync(join(folder, 'review.html'))).toBe(false);
  });

  it('says so for a folder without reports', async () => {
    mkdirSync(join(dir, 'empty'));
    expect(await run(harness(), 'fazhiReport.server.reviewFolder', { folder: uriOf(join(dir, 'empty')), nonce: 'n', cspSource: 'c' })).toEqual({
      ok: false,
      reason: '文件夹中没有可审阅的报告（.md、.txt、.docx、.doc、.wps、.pdf）',
    });
  });
});
