// The commands that read and write files on disk: 批注 Word 文档, 导出为公文格式 Word
// and 审阅文件夹. They run in the server (it has file access), so an editor's
// client only shows dialogs and messages. Each file is analysed with the
// settings of its own folder; nothing the user wrote is written over.
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeOptionsFrom, type Settings } from '../settings';
import { formatForDocument, URI_FILE_PREFIX, uriToPath } from '../lsp/uri';
import type { AnnotateWordResult, ExportWordResult, ReviewFolderParams, ReviewFolderResult } from '../lsp/protocol';
import type { Workspace } from './types';

/** As the CLI: a .docx with pictures can be far larger than its text. */
export const MAX_DOCX_BYTES = 128 * 1024 * 1024;

const reasonOf = (error: unknown) => (error as Error)?.message ?? String(error);

/** A `file:` uri as a path, or null for another scheme. */
function localPath(uri: string): string | null {
  return uri.startsWith(URI_FILE_PREFIX) ? uriToPath(uri) : null;
}

export class FilesProvider {
  constructor(
    private readonly settingsFor: (uri: string) => Settings | Promise<Settings>,
    private readonly workspace: Workspace,
    private readonly version: string,
    /** The bundled review worker (dist/review-worker.js next to dist/server.js), when there is one. */
    private readonly workerScript = join(__dirname, 'review-worker.js'),
  ) {}

  async annotateWord(uri: string): Promise<AnnotateWordResult> {
    const path = localPath(uri);
    if (!path) return { ok: false, reason: `只能批注本机磁盘上的文件（${uri}）` };
    const name = basename(path);
    try {
      const size = (await stat(path)).size;
      if (size > MAX_DOCX_BYTES) return { ok: false, reason: `无法批注“${name}”：文件过大（${size} 字节）` };
      const settings = await this.settingsFor(uri);
      // Loaded when first used: the language server starts without the Word and review libraries.
      const { annotateDocx } = await import('../word/annotate');
      const result = await annotateDocx(await readFile(path), analyzeOptionsFrom(settings, 'plain'));
      if (!result.ok) return { ok: false, reason: `无法批注“${name}”：${result.reason}` };
      const ext = extname(name);
      const output = join(dirname(path), `${basename(name, ext)}.批注${ext || '.docx'}`);
      await writeFile(output, result.bytes);
      return { ok: true, output: pathToFileURL(output).href, findings: result.findings.length, comments: result.comments };
    } catch (error) {
      return { ok: false, reason: `无法批注“${name}”：${reasonOf(error)}` };
    }
  }

  async exportWord(uri: string, target: string): Promise<ExportWordResult> {
    const document = this.workspace.get(uri);
    if (!document) return { ok: false, reason: '请先打开要导出的报告（Markdown 或文本文件）' };
    const path = localPath(target);
    if (!path || !/\.docx$/i.test(path)) return { ok: false, reason: `只能导出为本机磁盘上的 .docx 文件（${target}）` };
    if (target === uri) return { ok: false, reason: '不能导出到报告文件本身，请另选一个 .docx 文件' };
    try {
      const format = formatForDocument(document.uri, document.languageId);
      const { exportDocx } = await import('../word/export');
      const result = await exportDocx(document.getText(), { ...analyzeOptionsFrom(await this.settingsFor(uri), format), format });
      await writeFile(path, result.bytes);
      return { ok: true, output: pathToFileURL(path).href };
    } catch (error) {
      return { ok: false, reason: `导出失败：${reasonOf(error)}` };
    }
  }

  async reviewFolder(params: ReviewFolderParams): Promise<ReviewFolderResult> {
    const path = localPath(params.folder);
    if (!path) return { ok: false, reason: `只能审阅本机磁盘上的文件夹（${params.folder}）` };
    try {
      // The folder's rules, parts and size limit; each report's year is its own.
      const { rules, sections, maxFileSize } = await this.settingsFor(params.folder);
      const [{ review }, { renderHtml }] = await Promise.all([import('../review'), import('../review/render/html')]);
      const result = await review([path], {
        analyze: { rules, sections, maxFileSize },
        version: this.version,
        workers: Math.min(availableParallelism(), 4),
        workerScript: existsSync(this.workerScript) ? this.workerScript : undefined,
      });
      if (result.reports.length === 0) return { ok: false, reason: '文件夹中没有可审阅的报告（.md、.txt、.docx、.doc、.wps、.pdf）' };
      const files = [...new Set([...result.reports.map((r) => r.file), ...(result.previous?.matched.map((m) => m.previousFile) ?? [])])];
      return { ok: true, reports: result.reports.length, html: renderHtml(result, { nonce: params.nonce, cspSource: params.cspSource }), files };
    } catch (error) {
      return { ok: false, reason: `审阅失败：${reasonOf(error)}` };
    }
  }
}
