// fazhi-report outline: the report's title and parts, as text or JSON.
import { analyze, type OutlineNode, type Range } from '../analysis/api';
import { readDocumentFile } from '../files';
import { analyzeOptionsFrom } from '../settings';
import { UsageError } from './check';
import { ConfigResolver } from './config';
import { documentInfo, locator, printableName } from './format';
import { Output } from './output';

export async function outline(file: string, options: { format: string; config?: string }): Promise<number> {
  const { format } = options;
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format 只能是 text 或 json，收到 ${format}`);
  const { settings } = new ConfigResolver(options.config, (m) => process.stderr.write(`fazhi-report: ${m}\n`)).forFile(file);
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

