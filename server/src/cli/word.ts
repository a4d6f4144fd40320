// The CLI's Word commands: `annotate` (a .docx with the findings as comments) and `export` (a draft
// as a 公文-format .docx). Plain arguments in, the exit code out (0 written, 2 unreadable input or a
// refused output); the output path on stdout, the reason on stderr. The original is never written
// over unless --in-place asks for it; a file is written whole (to a temporary name, then renamed).
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { readBounded, readReport } from '../files';
import { analyzeOptionsFrom, formatForPath, type Settings } from '../settings';
import { annotateDocx } from '../word/annotate';
import { exportDocx } from '../word/export';
import { printableName } from './format';

/** A .docx with pictures can be far larger than its text; the zip reader bounds what it inflates. */
export const MAX_DOCX_BYTES = 128 * 1024 * 1024;

export interface AnnotateArguments {
  file: string;
  output?: string;
  inPlace?: boolean;
  settings: Settings;
}

export interface ExportArguments {
  file: string;
  output?: string;
  settings: Settings;
}

/** `原名.批注.docx` next to the original. */
export function annotatedPath(file: string): string {
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}.批注${ext || '.docx'}`);
}

/** `原名.docx` next to the draft. */
export function exportedPath(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.docx`);
}

export async function annotateFile(args: AnnotateArguments): Promise<number> {
  const { file } = args;
  if (args.inPlace && args.output !== undefined) return fail(file, '--in-place 与 -o 不能同时使用');
  const output = args.inPlace ? file : (args.output ?? annotatedPath(file));
  if (!args.inPlace && samePath(output, file)) return fail(file, '输出文件就是原文件；如确要在原文件上加批注，请用 --in-place');
  const read = readBounded(file, MAX_DOCX_BYTES);
  if (read.kind === 'error') return fail(file, read.reason);
  if (read.kind === 'too-large') return fail(file, `文件过大（${read.size} 字节），超过 ${MAX_DOCX_BYTES} 字节上限`);
  try {
    const result = await annotateDocx(read.bytes, analyzeOptionsFrom(args.settings, 'plain'));
    if (!result.ok) return fail(file, result.reason);
    const written = writeWhole(output, result.bytes);
    if (written) return fail(output, written);
    for (const note of result.notes) process.stderr.write(`fazhi-report: ${printableName(file)}: ${note}\n`);
    process.stderr.write(`fazhi-report: ${printableName(file)}: ${result.findings.length} 处问题，已写入 ${result.comments} 条批注\n`);
    process.stdout.write(output + '\n');
    return 0;
  } catch (error) {
    return fail(file, `内部错误：${(error as Error)?.message ?? String(error)}`);
  }
}

export async function exportFile(args: ExportArguments): Promise<number> {
  const { file } = args;
  const ext = extname(file).toLowerCase();
  if (!['.md', '.markdown', '.txt'].includes(ext)) return fail(file, `只能导出 .md、.markdown 或 .txt 草稿（收到 ${ext || '没有扩展名的文件'}）`);
  const output = args.output ?? exportedPath(file);
  if (samePath(output, file)) return fail(file, '输出文件就是草稿本身，请用 -o 指定另一个 .docx 文件');
  // The default name may be a document the user keeps: only a name given with -o is written over.
  if (args.output === undefined && existsSync(output)) return fail(output, '已存在；请用 -o 指定输出文件（给出的文件会被覆盖）');
  const read = readReport(file, args.settings.maxFileSize);
  if (read.kind === 'error') return fail(file, read.reason);
  if (read.kind === 'too-large') return fail(file, `文件过大（${read.size} 字节），超过上限 ${args.settings.maxFileSize} 字节`);
  try {
    const format = formatForPath(file);
    const result = await exportDocx(read.text, { ...analyzeOptionsFrom(args.settings, format), format });
    const written = writeWhole(output, result.bytes);
    if (written) return fail(output, written);
    process.stdout.write(output + '\n');
    return 0;
  } catch (error) {
    return fail(file, `内部错误：${(error as Error)?.message ?? String(error)}`);
  }
}

function fail(file: string, reason: string): number {
  process.stderr.write(`fazhi-report: ${printableName(file)}: ${reason}\n`);
  return 2;
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** Writes to a temporary file beside the target, then renames it over: never half a file. Returns a reason on failure. */
function writeWhole(path: string, bytes: Uint8Array): string | null {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, path);
    return null;
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException)?.code;
    return `无法写入（${code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'ENOENT' ? '目录不存在' : code === 'EISDIR' ? '是目录' : ((error as Error)?.message ?? String(error))}）`;
  }
}
