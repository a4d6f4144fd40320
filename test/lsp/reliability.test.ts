// What hostile documents and requests once did to the language server; each
// test is named after what it protects.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  HoverRequest,
  InitializeRequest,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';
import { startServer, type TestServer } from './connection';

const SERVER = join(ROOT, 'dist', 'server.js');

async function errorOf(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as ResponseError<unknown>;
  }
  throw new Error('expected an error response');
}

describe('the protocol, as the specification asks', () => {
  it('answers a request before initialize with −32002, and initializes after it', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    const error = await errorOf(connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'untitled:a' }, position: { line: 0, character: 0 } }));
    expect(error.code).toBe(-32002);
    expect(error.message).toContain('尚未初始化');
    const result = await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null });
    expect(result.capabilities.hoverProvider).toBe(true);
    connection.dispose();
    child.kill();
  });

  it('answers requests after shutdown with InvalidRequest', async () => {
    const server = await startServer([SERVER, '--stdio']);
    await server.connection.sendRequest(ShutdownRequest.type);
    const error = await errorOf(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'untitled:a' }, position: { line: 0, character: 0 } }));
    expect(error.code).toBe(-32600);
    server.connection.dispose();
    server.process.kill();
  });
});

describe('hostile documents and requests', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([SERVER, '--stdio']);
  });
  afterAll(() => server.stop());

  const open = async (uri: string, text: string, languageId = 'plaintext') => {
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  };

  it('a numeral of 5,000 万 does not take the server down', async () => {
    const uri = 'untitled:numeral.txt';
    await open(uri, '法治政府建设情况报告\n一、甲\n二、乙\n共一' + '万'.repeat(5000) + '件');
    const diagnostics = await server.diagnostics(uri, 1);
    expect(diagnostics.uri).toBe(uri);
    expect(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })).not.toBeNull();
  });

  it('garbage parameters get our own message, never a JavaScript one', async () => {
    const hover = await errorOf(server.connection.sendRequest(HoverRequest.type, {} as never));
    expect(hover.code).toBe(-32602);
    expect(hover.message).toBe('参数无效：缺少 textDocument.uri');
    const position = await errorOf(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'untitled:x' }, position: { line: 'a' } } as never));
    expect(position.message).toBe('参数无效：position 应为 {line, character}（非负整数）');
    const action = await errorOf(server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: 'untitled:x' }, range: null, context: { diagnostics: [] } } as never));
    expect(action.message).toBe('参数无效：range 应为 {start, end}');
  });

  it('the skeleton command refuses a report year that is not a year', async () => {
    const error = await errorOf(server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'fazhiReport.skeletonSnippet', arguments: [{ reportYear: {} }] }));
    expect(error.code).toBe(-32602);
    expect(error.message).toBe('参数无效：reportYear 应为 1990–2100 之间的年份');
    const ok = (await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'fazhiReport.skeletonSnippet', arguments: [{ reportYear: 2024 }] })) as { snippet: string };
    expect(ok.snippet).toContain('2024年度法治政府建设情况的报告');
  });

  it('a 20 MB document is skipped with a message naming its real size', async () => {
    const uri = 'untitled:huge.txt';
    await open(uri, '全年办结案件30件。\n'.repeat((20 * 1024 * 1024) / 27));
    const { diagnostics } = await server.diagnostics(uri, 1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message).toMatch(/^文件过大（20\.0 MB，超过 5\.0 MB 上限）/);
  }, 60_000);

  it('a change that keeps the version number is analysed again', async () => {
    const uri = 'untitled:same-version.txt';
    await open(uri, '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n全年受理XX件。\n');
    const before = (await server.connection.sendRequest('fazhiReport/outline', { textDocument: { uri } })) as { findingsByRule: Record<string, number> };
    expect(before.findingsByRule.placeholder).toBe(1);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 1 },
      contentChanges: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } }, text: '12' }],
    });
    const after = (await server.connection.sendRequest('fazhiReport/outline', { textDocument: { uri } })) as { findingsByRule: Record<string, number> };
    expect(after.findingsByRule.placeholder).toBeUndefined();
  });
});

describe('code actions over many headings', () => {
  const headings = (n: number) => '某区2023年度法治政府建设情况报告\n' + '（一）甲\n'.repeat(n);
  const wholeDocument = (n: number) => ({ start: { line: 0, character: 0 }, end: { line: n + 1, character: 0 } });

  it('grow with the headings, not their square: the shared renumbering is offered once', async () => {
    const server = await startServer([SERVER, '--stdio']);
    const sizes: number[] = [];
    for (const n of [1000, 3000]) {
      const uri = `untitled:headings-${n}.txt`;
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: headings(n) } });
      await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'fazhiReport.checkDocument', arguments: [{ uri }] });
      const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: wholeDocument(n), context: { diagnostics: [] } })) as CodeAction[];
      const renumber = actions.filter((a) => a.title.startsWith('重新编号'));
      expect(renumber).toHaveLength(1);
      // Findings of one rule are listed up to 1,000 per document.
      expect(renumber[0].diagnostics).toHaveLength(Math.min(n - 1, 1000));
      expect(renumber[0].edit!.changes![uri]).toHaveLength(n - 1);
      sizes.push(JSON.stringify(actions).length);
    }
    // Three times the headings: about three times the bytes (the square would be nine).
    expect(sizes[1] / sizes[0]).toBeLessThan(4);
    await server.stop();
  }, 60_000);

  it('come without the renumbering edit for a client that resolves, which codeAction/resolve then gives', async () => {
    const server = await startServer([SERVER, '--stdio'], { settings: { debounce: 0 } }, { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } });
    const n = 3000;
    const uri = 'untitled:headings-lazy.txt';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text: headings(n) } });
    await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'fazhiReport.checkDocument', arguments: [{ uri }] });
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: wholeDocument(n), context: { diagnostics: [] } })) as CodeAction[];
    const renumber = actions.find((a) => a.title.startsWith('重新编号'))!;
    expect(renumber.edit).toBeUndefined();
    const resolved = await server.connection.sendRequest(CodeActionResolveRequest.type, renumber);
    expect(resolved.edit!.changes![uri]).toHaveLength(n - 1);
    expect(resolved.edit!.changes![uri][0].newText).toBe('二');
    await server.stop();
  }, 60_000);
});
