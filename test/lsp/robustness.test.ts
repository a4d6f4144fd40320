// Random edit sequences and bad input over a real LSP connection.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  type DocumentSymbol,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/analysis';
import { analyzeDetailed } from '../../server/src/analysis/analyze';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { CORPUS, ROOT, corpus } from '../helpers';
import { startServer, type TestServer } from './connection';

let server: TestServer;
beforeAll(async () => {
  server = await startServer([join(ROOT, 'dist', 'server.js'), '--stdio']);
});
afterAll(() => server.stop());

const reports = Object.values(CORPUS).map((name) => corpus(name));
const SECTION = '\n三、存在问题和不足\n一是学习不够。二是执法联动较少，共20件，已化解17件，还有3件未化解，化解率80%。\n';

/** One edit, as fractions of the current text so it always lands inside it. */
const edit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'paste', 'crlf', 'replace'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat(40),
  text: fc.constantFrom('XX', '一是', '。', '\n', '（二）', '共12件，其中3件', '2024年', '存在问题', '😀', 'a'),
});

function toChange(doc: TextDocument, e: { kind: string; at: number; length: number; text: string }): TextDocumentContentChangeEvent {
  const text = doc.getText();
  let start = Math.floor(e.at * text.length);
  // Never split a surrogate pair: editors do not.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) start--;
  let end = start;
  let newText = e.text;
  if (e.kind === 'delete' || e.kind === 'replace') {
    end = Math.min(text.length, start + e.length);
    if (/[\uDC00-\uDFFF]/.test(text[end] ?? '')) end++;
    if (e.kind === 'delete') newText = '';
  } else if (e.kind === 'paste') newText = SECTION;
  else if (e.kind === 'crlf') newText = '\r\n一、粘贴的标题\r\n共5件。\r\n';
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: newText };
}

describe('random edit sequences over LSP', () => {
  let n = 0;
  it('publish, for the last version, the diagnostics of a fresh analysis of the final text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(2), fc.array(edit, { minLength: 1, maxLength: 25 }), async (which, edits) => {
        const uri = `untitled:edits-${n++}.txt`;
        let doc = TextDocument.create(uri, 'plaintext', 1, reports[which]);
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: doc.getText() } });
        for (const e of edits) {
          const change = toChange(doc, e);
          doc = TextDocument.update(doc, [change], doc.version + 1);
          await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: [change] });
        }
        const published = await server.diagnostics(uri, doc.version);
        const fresh = analyzeDetailed(doc.getText(), { format: 'plain' });
        // The edited text may stop looking like a report; then nothing is published.
        const expected = fresh.looksLikeReport ? fresh.analysis.findings.map(toDiagnostic) : [];
        expect(published.diagnostics).toEqual(expected);
      }),
      { seed: 20261122, numRuns: 1_000, endOnFailure: true },
    );
    // A thousand sessions over the protocol: the limit guards against a hang, it is not a speed claim.
  }, 300_000);
});

describe('requests right after an edit', () => {
  it('are answered for the new version, never with the old ranges', async () => {
    const uri = 'untitled:stale.txt';
    const text = '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n正文。\n二、存在问题\n';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    // Two lines inserted at the top, and the symbols asked for at once, without waiting for anything.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '区人民政府：\n现将情况报告如下。\n' }],
    });
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const headings = symbols.filter((s) => s.name.startsWith('一、') || s.name.startsWith('二、'));
    expect(headings.map((s) => s.range.start.line)).toEqual([3, 5]);
    const published = await server.diagnostics(uri, 2);
    expect(published.version).toBe(2);
  });
});

describe('bad input over LSP', () => {
  it('a 20 MB document gets one information diagnostic saying it was skipped', async () => {
    const uri = 'untitled:huge.txt';
    const text = '某区2023年度法治政府建设情况报告\n' + '全年办结案件30件。\n'.repeat(20 * 1024 * 1024 / 27);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const published = await server.diagnostics(uri, 1);
    expect(published.diagnostics).toHaveLength(1);
    expect(published.diagnostics[0]).toMatchObject({ code: 'file-size', severity: 3 });
    expect(published.diagnostics[0].message).toContain('已跳过检查');
  }, 60_000);

  it('NUL bytes, lone surrogates and lone CR line ends', async () => {
    const uri = 'untitled:odd.txt';
    const text = '某区2023年度法治政府建设情况报告\r一、主要举措\u0000\r共XX件\uD800。\r二、存在问题\r';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const published = await server.diagnostics(uri, 1);
    expect(published.diagnostics).toEqual(analyze(text, { format: 'plain' }).findings.map(toDiagnostic));
    expect(published.diagnostics.find((d) => d.code === 'placeholder')!.range.start).toEqual({ line: 2, character: 1 });
  });
});
