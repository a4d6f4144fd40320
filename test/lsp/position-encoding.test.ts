// A client that counts in UTF-8 (Neovim 0.10, Helix) gets byte columns on Chinese lines, and its edits land right.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, type CodeAction, type Hover } from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';
import { startServer, type TestServer } from './connection';

const URI = 'file:///drafts/report.txt';
const TEXT = '某区2024年度法治政府建设情况报告\n\n一、主要举措和成效\n\n𠮷全年召开会议XX次。受理1195件，调解成功1194件，调解成功率达98%。\n';
// Line 4: 𠮷 (2 units, 4 bytes), 全年召开会议 (6 × 3 bytes): XX at unit 8, byte 22.
const LINE = 4;

describe('a client that offers UTF-8 positions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio'], { settings: { debounce: 0 } }, { general: { positionEncodings: ['utf-8', 'utf-16', 'utf-32'] } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('is told the server counts in UTF-8, and gets diagnostics with byte columns', async () => {
    expect(server.initializeResult.capabilities.positionEncoding).toBe('utf-8');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'plaintext', version: 1, text: TEXT } });
    const { diagnostics } = await server.diagnostics(URI, 1);
    const placeholder = diagnostics.find((d) => d.code === 'placeholder')!;
    expect(placeholder.range).toEqual({ start: { line: LINE, character: 22 }, end: { line: LINE, character: 24 } });
  });

  it('reads a change in bytes: replacing XX at byte 22 leaves no placeholder', async () => {
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: LINE, character: 22 }, end: { line: LINE, character: 24 } }, text: '12' }],
    });
    const { diagnostics } = await server.diagnostics(URI, 2);
    expect(diagnostics.filter((d) => d.code === 'placeholder')).toEqual([]);
    expect(diagnostics.some((d) => d.code === 'rate-mismatch')).toBe(true);
  });

  it('answers a hover and a code action asked in bytes, with their ranges and edits in bytes', async () => {
    const line = TEXT.split('\n')[LINE].replace('XX', '12');
    const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
    const rateAt = bytes(line.slice(0, line.indexOf('98%')));
    const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: LINE, character: rateAt + 1 } })) as Hover;
    expect(JSON.stringify(hover.contents)).toContain('1194 / 1195');
    expect(hover.range!.start).toEqual({ line: LINE, character: rateAt });
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: LINE, character: rateAt }, end: { line: LINE, character: rateAt + 3 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title.includes('%'))!;
    const [edit] = fix.edit!.changes![URI];
    expect(edit.range.start).toEqual({ line: LINE, character: rateAt });
    expect(edit.range.end.character).toBe(rateAt + bytes('98%'));
  });
});
