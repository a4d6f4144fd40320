// fazhi-report check and outline on the documents people really have: the corpus reports saved
// as .docx (typed numbering, Word's automatic numbering, WPS's markup), .doc and PDF (by
// LibreOffice), and text in GB18030 and UTF-16. Each gives the findings of the UTF-8 text, and in a
// Word or PDF file each finding is placed by 第N段 (and page) with a quote.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { beforeAll, describe, expect, it } from 'vitest';
import { autoNumberedDocx, convert, encodeGb18030, HAS_CJK_FONT, manualDocx, officialDocx, SOFFICE, wpsStyle } from '../documents-fixtures';
import { CORPUS, corpus, ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  rule: string;
  message: string;
  range: { start: { line: number; character: number } };
  location?: { paragraph: number; page?: number; quote: string };
}
interface JsonEntry {
  file: string;
  error?: string;
  document?: { kind: string; encoding?: string; notes: string[] };
  findings: JsonFinding[];
}

const LIBREOFFICE_SKIP = !SOFFICE ? 'LibreOffice (soffice) is not installed' : !HAS_CJK_FONT ? 'no font with Chinese glyphs is installed (fc-list :lang=zh), so a PDF would hold no text' : null;

let tmp: string;
/** Per corpus report: its reference UTF-8 text (the auto-numbered .docx's is the text Word shows) and the documents made from it. */
const made: { key: string; reference: string; file: string; kind: string }[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-documents-cli-'));
  mkdirSync(join(tmp, 'reference'));
  mkdirSync(join(tmp, 'reports'));
  const put = (key: string, reference: string, name: string, kind: string, bytes: Uint8Array) => {
    const file = join(tmp, 'reports', name);
    writeFileSync(file, bytes);
    made.push({ key, reference, file, kind });
  };
  for (const [key, name] of Object.entries(CORPUS)) {
    const text = corpus(name);
    const reference = join(tmp, 'reference', `${key}.txt`);
    writeFileSync(reference, text);
    const docx = await manualDocx(text);
    put(key, reference, `${key}.docx`, 'docx', docx);
    put(key, reference, `${key}-wps.docx`, 'docx', wpsStyle(docx));
    put(key, reference, `${key}-gb18030.txt`, 'text', encodeGb18030(text));
    put(key, reference, `${key}-utf16le.txt`, 'text', new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]));
    put(key, reference, `${key}-utf16be.txt`, 'text', new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]));
    const auto = await autoNumberedDocx(text);
    const autoReference = join(tmp, 'reference', `${key}-auto.txt`);
    writeFileSync(autoReference, auto.expected);
    put(key, autoReference, `${key}-auto.docx`, 'docx', auto.bytes);
    if (!LIBREOFFICE_SKIP) {
      put(key, reference, `${key}.doc`, 'doc', convert(docx, `${key}.docx`, 'doc'));
      // Laid out as an official document, with a running header and `— N —` page numbers to drop.
      put(key, reference, `${key}.pdf`, 'pdf', convert(await officialDocx(text), `${key}.docx`, 'pdf'));
    }
  }
  writeFileSync(join(tmp, 'reports', 'budget.xlsx'), 'not a report');
}, 300_000);

/** 第N段 of a line of a text file: its place among the non-blank lines. */
function paragraphOfLine(text: string, line: number): number {
  return text.split('\n').slice(0, line + 1).filter((l) => l.trim() !== '').length;
}

describe('fazhi-report check on a folder of Word, PDF and text files', () => {
  let checked: Map<string, JsonEntry>;
  let references: Map<string, JsonEntry>;
  let stderr: string;
  let code: number | null;
  beforeAll(() => {
    const r = run(['check', '--format', 'json', join(tmp, 'reports')]);
    stderr = r.stderr;
    code = r.code;
    checked = new Map((JSON.parse(r.stdout) as JsonEntry[]).map((e) => [e.file, e]));
    references = new Map((JSON.parse(run(['check', '--format', 'json', join(tmp, 'reference')]).stdout) as JsonEntry[]).map((e) => [e.file, e]));
  }, 300_000);

  if (LIBREOFFICE_SKIP) it.skip(`.doc and PDF made by LibreOffice: skipped, ${LIBREOFFICE_SKIP}`, () => {});

  it('reads every file, names the one it skips, and exits as the findings say', () => {
    expect([...checked.values()].filter((e) => e.error)).toEqual([]);
    expect(checked.size).toBe(made.length);
    expect(stderr).toContain(`fazhi-report: 跳过 1 个不支持的文件：${join(tmp, 'reports', 'budget.xlsx')}\n`);
    expect(stderr).toContain(`${join(tmp, 'reports', 'suxitong-gb18030.txt')}: 已按 GB18030（GBK）编码读取`);
    expect(code).toBe(1); // the corpus reports hold placeholders
  });

  it('gives each file the findings of its UTF-8 text, rule and message', () => {
    for (const m of made) {
      const entry = checked.get(m.file)!;
      const reference = references.get(m.reference)!;
      expect(reference.findings.length, m.reference).toBeGreaterThan(0);
      expect(entry.findings.map((f) => `${f.rule} ${f.message}`), m.file).toEqual(reference.findings.map((f) => `${f.rule} ${f.message}`));
    }
  });

  it('places each finding in a Word or PDF file at the paragraph of its text, with a quote from it', () => {
    for (const m of made.filter((x) => x.kind !== 'text')) {
      const entry = checked.get(m.file)!;
      expect(entry.document!.kind, m.file).toBe(m.kind);
      const text = readFileSync(m.reference, 'utf8');
      const reference = references.get(m.reference)!;
      entry.findings.forEach((f, i) => {
        const source = reference.findings[i];
        const line = text.split('\n')[source.range.start.line];
        expect(f.location, `${m.file} ${f.rule}`).toBeDefined();
        // A PDF's paragraphs are inferred from where its lines end: the quote is checked there, the number in Word files.
        if (m.kind !== 'pdf') expect(f.location!.paragraph, `${m.file} ${f.rule}`).toBe(paragraphOfLine(text, source.range.start.line));
        else expect(f.location!.page, `${m.file} ${f.rule}`).toBeGreaterThanOrEqual(1);
        expect(f.location!.quote.length).toBeGreaterThan(0);
        if (m.kind !== 'pdf') expect(line, `${m.file} ${f.rule}`).toContain(f.location!.quote);
        // PDF text keeps no runs of spaces.
        else expect(text.replace(/\s/g, ''), `${m.file} ${f.rule}`).toContain(f.location!.quote.replace(/\s/g, ''));
      });
    }
  });

  it('says how a text file was read, and adds no place to a text file’s findings', () => {
    for (const m of made.filter((x) => x.kind === 'text')) {
      const entry = checked.get(m.file)!;
      expect(entry.document!.encoding, m.file).toBe(m.file.endsWith('gb18030.txt') ? 'gb18030' : m.file.endsWith('utf16le.txt') ? 'utf-16le' : 'utf-16be');
      expect(entry.findings.every((f) => f.location === undefined)).toBe(true);
    }
    // UTF-8 text keeps the JSON it always had.
    for (const e of references.values()) expect(Object.keys(e)).not.toContain('document');
  });
});

describe('a Word file in the text and SARIF outputs and in the outline', () => {
  it('prints 报告.docx 第N段 “quote” severity message [rule]', () => {
    const file = join(tmp, 'reports', 'xinyang.docx');
    const r = run(['check', file]);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 第\\d+段 “[^”\\n]+” (error|warning|info) .+ \\[[a-z-]+\\]$`));
  });

  it('gives SARIF results in a .docx a snippet and the paragraph', () => {
    const file = join(tmp, 'reports', 'xinyang.docx');
    const log = JSON.parse(run(['check', '--format', 'sarif', file]).stdout) as Sarif.Log;
    const json = JSON.parse(run(['check', '--format', 'json', file]).stdout) as JsonEntry[];
    expect(log.runs[0].artifacts![0].mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const results = log.runs[0].results!;
    expect(results).toHaveLength(json[0].findings.length);
    results.forEach((result, i) => {
      const location = result.locations![0];
      expect(location.physicalLocation!.region!.snippet!.text).toBe(json[0].findings[i].location!.quote);
      expect(location.properties).toEqual({ paragraph: json[0].findings[i].location!.paragraph });
    });
  });

  it('prints the outline of a .docx with automatic numbering, each heading at its 第N段', () => {
    const r = run(['outline', join(tmp, 'reports', 'xinyang-auto.docx')]);
    expect(r.code).toBe(0);
    const reference = run(['outline', join(tmp, 'reference', 'xinyang-auto.txt')]).stdout;
    const text = readFileSync(join(tmp, 'reference', 'xinyang-auto.txt'), 'utf8');
    // Same tree; `[N]` (the line) becomes `[第M段]` (its place among non-blank paragraphs).
    expect(r.stdout).toBe(reference.replace(/\[(\d+)\]$/gm, (_m, n: string) => `[第${paragraphOfLine(text, Number(n) - 1)}段]`));
    expect(r.stdout).toContain('一、推进法治政府建设工作情况');
    const json = JSON.parse(run(['outline', '--format', 'json', join(tmp, 'reports', 'xinyang-auto.docx')]).stdout);
    expect(json.document.kind).toBe('docx');
    expect(json.outline.find((n: { kind: string }) => n.kind === 'heading').location.paragraph).toBeGreaterThan(1);
  });
});

describe('a broken Word file', () => {
  it('gets a clear error naming the file and the reason, exit 2, and the other files are still checked', () => {
    const dir = join(tmp, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-broken.docx'), Buffer.from('PK\u0003\u0004 this is not the rest of a zip'));
    writeFileSync(join(dir, 'b-renamed.docx'), '某区2023年度法治政府建设情况报告\n');
    writeFileSync(join(dir, 'c.txt'), corpus(CORPUS.xinyang));
    const r = run(['check', '--format', 'json', dir]);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as JsonEntry[];
    expect(out.map((e) => Boolean(e.error))).toEqual([true, true, false]);
    expect(out[2].findings.length).toBeGreaterThan(0);
    expect(r.stderr).toContain(`fazhi-report: ${join(dir, 'a-broken.docx')}: 文件不完整（压缩包缺少目录，可能被截断），请重新获取文件后再检查`);
    expect(r.stderr).toContain(`fazhi-report: ${join(dir, 'b-renamed.docx')}: 不是有效的 .docx 文件（不是 zip 压缩包）`);
  });
});
