// The fazhiReport/extractDocument request: the VS Code client's 检查 Word/PDF 文档 asks the server
// for a file's text and opens it under its own scheme; the server then checks it as a report.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, DidOpenTextDocumentNotification, DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { DOCUMENT_SCHEME, EXTRACT_DOCUMENT_REQUEST, type ExtractDocumentResult } from '../../server/src/lsp/documents-protocol';
import { FIXTURES, ROOT, fixture } from '../helpers';
import { startServer, type TestServer } from './connection';

const DOCUMENTS = join(FIXTURES, 'documents');

describe('fazhiReport/extractDocument', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([join(ROOT, 'dist', 'server.js'), '--stdio']);
  });
  afterAll(() => server.stop());

  const extract = (path: string) => server.connection.sendRequest<ExtractDocumentResult>(EXTRACT_DOCUMENT_REQUEST, { uri: pathToFileURL(path).href });

  it('gives a .docx its text with Word’s automatic numbering, and each paragraph’s 第N段', async () => {
    const result = await extract(join(DOCUMENTS, 'report-numbered.docx'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.text.trimEnd()).toBe(fixture('documents/report.txt').trimEnd());
    expect(result.kind).toBe('docx');
    expect(result.paragraphs.slice(0, 3)).toEqual([
      { line: 0, index: 1 },
      { line: 1, index: 2 },
      { line: 2, index: 3 },
    ]);
  });

  it('gives a PDF the page of each paragraph', async () => {
    const result = await extract(join(DOCUMENTS, 'report.pdf'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.paragraphs[0]).toEqual({ line: 0, index: 1, page: 1 });
    expect(result.paragraphs.at(-1)!.page).toBe(2);
  });

  it('checks the text opened under the client’s scheme as any report', async () => {
    const result = await extract(join(DOCUMENTS, 'report-numbered.docx'));
    if (!result.ok) throw new Error(result.reason);
    const uri = `${DOCUMENT_SCHEME}:${join(DOCUMENTS, 'report-numbered.docx')}`;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: result.text } });
    const { diagnostics } = await server.diagnostics(uri, 1);
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual(expect.arrayContaining([['placeholder', 4], ['rate-mismatch', 5]]));
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toContain('一、推进法治政府建设的主要举措和成效');
    // Read-only text: its fixes are made in Word, so none is offered here.
    const placeholder = diagnostics.find((d) => d.code === 'placeholder')!;
    expect(await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: placeholder.range, context: { diagnostics: [placeholder] } })).toEqual([]);
  });

  it('refuses what is not a regular local file, naming the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-extract-'));
    execFileSync('mkfifo', [join(dir, 'pipe.docx')]);
    expect(await extract(join(dir, 'pipe.docx'))).toEqual({ ok: false, reason: '不是普通文件（命名管道），无法检查' });
    expect(await extract(join(dir, 'missing.docx'))).toEqual({ ok: false, reason: '文件或目录不存在' });
    expect(await server.connection.sendRequest(EXTRACT_DOCUMENT_REQUEST, { uri: 'https://example.invalid/a.docx' })).toEqual({ ok: false, reason: '只能读取本机上的文件（file: URI）' });
  });
});
