import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  CodeActionRequest,
  DidChangeConfigurationNotification,
  ConfigurationRequest,
  ApplyWorkspaceEditRequest,
  HoverRequest,
  CompletionRequest,
  type CompletionItem,
  type Hover,
  type CodeAction,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { CORPUS, CORPUS_DIR, FIXTURES, ROOT, corpus, fixture } from '../helpers';
import { ruleDescriptors } from '../../server/src/analysis';
import { startServer, type TestServer } from './connection';

const uriOf = (path: string) => pathToFileURL(path).href;
// The server is probed with the placeholder of the 2022 report; its style findings (a web copy in half-width marks) are off here.
const STYLE_OFF = Object.fromEntries(ruleDescriptors().filter((r) => r.tags.includes('style') && !r.tags.includes('outline')).map((r) => [r.id, 'off']));
const SUXITONG = uriOf(join(CORPUS_DIR, CORPUS.suxitong));
const XINYANG = uriOf(join(CORPUS_DIR, CORPUS.xinyang));
const README = uriOf(join(ROOT, 'README.md'));
const NOTES = uriOf(join(FIXTURES, 'notes.md'));

async function open(server: TestServer, uri: string, text: string, languageId = 'plaintext', version = 1) {
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  return server.diagnostics(uri, version);
}

describe.each([
  ['dist/server.js --stdio', [join(ROOT, 'dist', 'server.js'), '--stdio']],
  ['fazhi-report lsp --stdio', [join(ROOT, 'dist', 'cli.js'), 'lsp', '--stdio']],
])('language server over stdio (%s)', (_name, args) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(args, { settings: { debounce: 0, rules: STYLE_OFF } });
  });
  afterAll(async () => {
    await server.stop();
    expect(server.process.exitCode).toBe(0);
  });

  it('announces incremental sync, symbols and the check command', () => {
    const caps = server.initializeResult.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.executeCommandProvider?.commands).toContain('fazhiReport.checkDocument');
  });

  it('publishes the diagnostics of each version it is sent', async () => {
    const text = corpus(CORPUS.suxitong);
    const first = await open(server, SUXITONG, text);
    // The web copy ends without its signature (report-frame, information); the placeholder is the one fault.
    const ownFault = (d: { code?: string | number }) => d.code !== 'report-frame';
    expect(first.diagnostics.filter((d) => !ownFault(d)).map((d) => d.severity)).toEqual([3]);
    const faults = first.diagnostics.filter(ownFault);
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({
      code: 'placeholder',
      severity: 1,
      source: '法治报告',
      range: { start: { line: 35, character: 201 }, end: { line: 35, character: 206 } },
    });

    // An incremental edit: a new sentence with a placeholder on line 3.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: SUXITONG, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '全年共办理XX件。' }],
    });
    const second = await server.diagnostics(SUXITONG, 2);
    expect(second.diagnostics.filter(ownFault).map((d) => [d.range.start.line, d.range.start.character])).toEqual([
      [2, 5],
      [35, 201],
    ]);

    // Deleting it again, then a second incremental edit that removes the stars.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: SUXITONG, version: 3 },
      contentChanges: [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } }, text: '' },
        { range: { start: { line: 35, character: 201 }, end: { line: 35, character: 206 } }, text: '各项' },
      ],
    });
    expect((await server.diagnostics(SUXITONG, 3)).diagnostics.filter(ownFault)).toEqual([]);

    // A full-text change still works.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: SUXITONG, version: 4 },
      contentChanges: [{ text }],
    });
    expect((await server.diagnostics(SUXITONG, 4)).diagnostics.filter(ownFault)).toHaveLength(1);
  });

  it('answers documentSymbol with the outline, numbering in the name', async () => {
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: SUXITONG } })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual([
      '一、推进法治政府建设的主要举措和成效',
      '二、主要负责人履行推进法治建设第一责任人职责情况',
      '三、存在问题和不足',
      '四、2023年度推进法治政府建设的主要安排',
    ]);
    expect(symbols[0].children!.map((s) => s.name).slice(0, 2)).toEqual(['(一)推进行政机关依法高效履职情况', '(二)加强依法行政制度建设情况']);
    expect(symbols[0].children).toHaveLength(8);
    expect(symbols[0].kind).not.toBe(symbols[0].children![0].kind);
    expect(symbols[0].range).toEqual({ start: { line: 3, character: 0 }, end: { line: 35, character: symbols[0].range.end.character } });
    expect(symbols[0].selectionRange).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 18 } });
  });

  it('leaves the project README and a notes file alone, until the user asks', async () => {
    const readme = await open(server, README, readFileSync(join(ROOT, 'README.md'), 'utf8'), 'markdown');
    expect(readme.diagnostics).toEqual([]);
    const notes = await open(server, NOTES, fixture('notes.md'), 'markdown');
    expect(notes.diagnostics).toEqual([]);
    const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: NOTES } });
    expect(symbols).toEqual([]);

    // 法治报告: 检查当前文件 — from now on the notes are checked as a report.
    const answer = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'fazhiReport.checkDocument', arguments: [{ uri: NOTES }] });
    expect(answer).toEqual({ isReport: true });
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: NOTES, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }],
    });
    const checked = await server.diagnostics(NOTES, 2);
    expect(checked.diagnostics.filter((d) => d.code === 'placeholder')).toHaveLength(3);
    // Its one heading (## 一些素材) is read as the work sections; the other three parts are missing.
    expect(checked.diagnostics.filter((d) => d.code === 'required-section')).toHaveLength(3);
  });

  it('clears the diagnostics of a closed document', async () => {
    await open(server, XINYANG, corpus(CORPUS.xinyang));
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: XINYANG } });
    const cleared = await server.diagnostics(XINYANG, undefined as unknown as number);
    expect(cleared.diagnostics).toEqual([]);
  });
});

describe('language server settings', () => {
  it('applies rule severities and reports a malformed setting without failing', async () => {
    const server = await startServer([join(ROOT, 'dist', 'server.js'), '--stdio'], {
      settings: { debounce: 0, rules: { ...STYLE_OFF, placeholder: 'warning', 'no-such-rule': 'error' }, reportYear: 'twenty' },
    });
    try {
      const result = await open(server, SUXITONG, corpus(CORPUS.suxitong));
      expect(result.diagnostics.filter((d) => d.code !== 'report-frame').map((d) => d.severity)).toEqual([2]);
      expect(server.logs.join('\n')).toContain('规则“no-such-rule”不存在');
      expect(server.logs.join('\n')).toContain('fazhiReport.reportYear 应为 1990–2100 之间的年份');
    } finally {
      await server.stop();
    }
  });
});

describe('settings per folder over LSP', () => {
  it('asks workspace/configuration with each document\'s scopeUri, so a folder\'s own setting applies to its reports', async () => {
    const asked: (string | undefined)[] = [];
    const server = await startServer([join(ROOT, 'dist', 'server.js'), '--stdio'], {}, { workspace: { configuration: true } }, (connection) => {
      connection.onRequest(ConfigurationRequest.type, (params) =>
        params.items.map((item) => {
          asked.push(item.scopeUri);
          // The drafts folder turns the placeholder rule off; elsewhere it stays on.
          return { debounce: 0, rules: item.scopeUri?.startsWith('file:///ws/drafts/') ? { placeholder: 'off' } : {} };
        }),
      );
    });
    try {
      const text = '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n全年受理XX件。\n';
      const drafts = await open(server, 'file:///ws/drafts/a.txt', text);
      const final = await open(server, 'file:///ws/final/a.txt', text);
      expect(drafts.diagnostics.map((d) => d.code)).not.toContain('placeholder');
      expect(final.diagnostics.map((d) => d.code)).toContain('placeholder');
      expect(asked).toContain('file:///ws/drafts/a.txt');
    } finally {
      await server.stop();
    }
  });
});

describe('commands that edit through workspace/applyEdit, for editors without our client', () => {
  it('insert a missing part and renumber the parts after it', async () => {
    const edits: { label?: string; changes: unknown }[] = [];
    const server = await startServer([join(ROOT, 'dist', 'server.js'), '--stdio'], { settings: { debounce: 0 } }, { workspace: { applyEdit: true } }, (connection) => {
      connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
        edits.push({ label: params.label, changes: params.edit.changes });
        return { applied: true };
      });
    });
    try {
      const uri = 'untitled:missing.txt';
      await open(server, uri, '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n甲。\n二、2024年度推进法治政府建设的主要安排\n乙。\n');
      const result = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'fazhiReport.server.insertPart', arguments: [{ uri, key: 'problems' }] });
      expect(result).toEqual({ applied: true, cursor: { line: 4, character: 0 } });
      expect(edits).toHaveLength(1);
      expect(edits[0].label).toBe('插入“二、推进法治政府建设存在的不足和原因”');
      expect((edits[0].changes as Record<string, { newText: string }[]>)[uri].map((e) => e.newText)).toEqual(['二、推进法治政府建设存在的不足和原因\n实事求是查找法治政府建设中存在的不足，并分析其原因。\n', '三']);
    } finally {
      await server.stop();
    }
  });
});

describe('outline features over LSP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([join(ROOT, 'dist', 'server.js'), '--stdio'], { settings: { debounce: 0, rules: STYLE_OFF }, hostHasMarkdownOutline: true });
  });
  afterAll(() => server.stop());

  it('folds every section and multi-line item of a real report', async () => {
    const uri = uriOf(join(CORPUS_DIR, CORPUS.jiangsu));
    await open(server, uri, corpus(CORPUS.jiangsu));
    const ranges = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    // Seven level-1 sections, each spanning several lines; the one item over two lines (五是 … 依法開展新冠肺炎).
    expect(ranges!.map((r) => [r.startLine, r.endLine])).toEqual([
      [10, 16],
      [15, 16],
      [17, 21],
      [22, 27],
      [28, 34],
      [35, 39],
      [40, 46],
      [47, 51],
    ]);
  });

  it('answers fazhiReport/outline with version, tree, sections and counts per node', async () => {
    const uri = SUXITONG;
    await open(server, uri, corpus(CORPUS.suxitong), 'plaintext', 7);
    const response = (await server.connection.sendRequest('fazhiReport/outline', { textDocument: { uri } })) as {
      version: number;
      isReport: boolean;
      outline: { title: string; findingCount: number; children: { findingCount: number }[] }[];
      sections: Record<string, { title: string } | null>;
      findingCount: number;
    };
    expect(response.version).toBe(7);
    expect(response.isReport).toBe(true);
    // The placeholder, and at the end of the plan the missing signature (report-frame).
    expect(response.findingCount).toBe(2);
    expect(response.outline.map((n) => [n.title, n.findingCount])).toEqual([
      ['推进法治政府建设的主要举措和成效', 1],
      ['主要负责人履行推进法治建设第一责任人职责情况', 0],
      ['存在问题和不足', 0],
      ['2023年度推进法治政府建设的主要安排', 1],
    ]);
    // The placeholder sits in (八)打造数字法治政府情况.
    expect(response.outline[0].children.map((c) => c.findingCount)).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(response.sections.problems!.title).toBe('三、存在问题和不足');
    expect((response as unknown as { parts: { key: string; state: string }[] }).parts.map((p) => [p.key, p.state])).toEqual([
      ['measures', 'heading'],
      ['problems', 'heading'],
      ['firstResponsible', 'heading'],
      ['nextYear', 'heading'],
      ['other', 'missing'],
    ]);

    const readme = (await server.connection.sendRequest('fazhiReport/outline', { textDocument: { uri: README } })) as { isReport: boolean; outline: unknown[] } | null;
    expect(readme).toBeNull(); // not open in this server
    await open(server, README, readFileSync(join(ROOT, 'README.md'), 'utf8'), 'markdown');
    const opened = (await server.connection.sendRequest('fazhiReport/outline', { textDocument: { uri: README } })) as { isReport: boolean; outline: unknown[]; version: number };
    expect(opened).toMatchObject({ isReport: false, outline: [], version: 1 });
  });

  it('shows the arithmetic when hovering a figure that takes part in a relation', async () => {
    const text = corpus(CORPUS.suxitong);
    const line = text.split('\n').findIndex((l) => l.includes('化解率85%'));
    const character = text.split('\n')[line].indexOf('85%') + 1;
    const result = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: SUXITONG }, position: { line, character } })) as Hover;
    expect((result.contents as { value: string }).value).toContain('**比率**：17 / 20 = 85%，文中 85% ✓');
    const elsewhere = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: SUXITONG }, position: { line: 0, character: 2 } });
    expect(elsewhere).toBeNull();
  });

  it('offers the quick fix of a finding, recomputed for the current text', async () => {
    const uri = 'untitled:heading-style';
    const text = '某区2023年度法治政府建设情况报告\n一、甲\n1.子一\n2.子二\n3、子三\n二、乙\n';
    const diagnostics = await open(server, uri, text);
    const style = diagnostics.diagnostics.find((d) => d.code === 'heading-style')!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: style.range,
      context: { diagnostics: [style], only: ['quickfix'] },
    })) as CodeAction[];
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ title: '改为“3.”', kind: 'quickfix', isPreferred: true });
    expect(actions[0].edit!.changes![uri]).toEqual([{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 2 } }, newText: '3.' }]);
  });

  it('leaves Markdown with only `#` headings to the editor\'s own outline, unless told otherwise', async () => {
    const uri = 'untitled:hash-only.md';
    const text = '# 某区2023年度法治政府建设情况报告\n\n## 一、主要举措\n\n## 二、存在问题\n';
    await open(server, uri, text, 'markdown');
    expect(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })).toEqual([]);
    const mixed = 'untitled:mixed.md';
    await open(server, mixed, '# 某区2023年度法治政府建设情况报告\n\n一、主要举措\n\n二、存在问题\n', 'markdown');
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: mixed } })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual(['一、主要举措', '二、存在问题']);

    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { fazhiReport: { debounce: 0, markdownSymbols: 'always' } } });
    const always = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(always.map((s) => s.name)).toEqual(['一、主要举措', '二、存在问题']);
  });
});

describe('server commands for the editor', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer([join(ROOT, 'dist', 'server.js'), '--stdio']);
  });
  afterAll(() => server.stop());
  const run = (command: string, args: unknown) => server.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] });

  it('gives the edits that insert a missing part, and nothing for a present one', async () => {
    const uri = uriOf(join(CORPUS_DIR, CORPUS.jiangsu));
    await open(server, uri, corpus(CORPUS.jiangsu));
    const result = (await run('fazhiReport.partEdits', { uri, key: 'nextYear' })) as { heading: string; edits: { range: unknown; newText: string }[]; cursor: unknown };
    // The report is in Traditional characters, and so is the part written into it.
    expect(result.heading).toBe('八、2021年度推進法治政府建設的主要安排');
    expect(result.edits).toHaveLength(1);
    expect(result.cursor).toEqual({ line: 53, character: 0 });
    expect(result.edits[0].range).toEqual({ start: { line: 52, character: 0 }, end: { line: 52, character: 0 } });
    expect(await run('fazhiReport.partEdits', { uri, key: 'measures' })).toBeNull();
  });

  it('gives the renumbering of the level at the cursor, the summary and the skeleton', async () => {
    const uri = 'untitled:moved.txt';
    await open(server, uri, '某区2023年度法治政府建设情况报告\n一、甲\n三、乙\n二、丙\n');
    const renumber = (await run('fazhiReport.renumberEdits', { uri, line: 2 })) as { level: number; edits: { newText: string }[] };
    expect(renumber.level).toBe(1);
    expect(renumber.edits.map((e) => e.newText)).toEqual(['二', '三']);
    const summary = (await run('fazhiReport.reviewSummary', { uri, fileName: 'moved.txt' })) as { text: string };
    expect(summary.text.split('\n').slice(0, 3)).toEqual(['报告：某区2023年度法治政府建设情况报告', '文件：moved.txt', '报告年度：2023 年']);
    const skeleton = (await run('fazhiReport.skeletonSnippet', { reportYear: 2023 })) as { snippet: string };
    expect(skeleton.snippet).toContain('四、2024年度推进法治政府建设的主要安排');
  });
});

describe('completion over LSP on a real report', () => {
  let server: TestServer;
  const uri = 'untitled:suxitong-completion.txt';
  const text = corpus(CORPUS.suxitong);
  const lines = text.split('\n');
  beforeAll(async () => {
    server = await startServer([join(ROOT, 'dist', 'server.js'), '--stdio']);
    await open(server, uri, text);
  });
  afterAll(() => server.stop());
  const complete = async (line: number, character: number, triggerCharacter?: string) =>
    ((await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line, character },
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    })) as CompletionItem[]) ?? [];

  it('offers 三是 after the 二是 item', async () => {
    const line = lines.findIndex((l) => l.startsWith('二是依法履行政府职能'));
    const items = await complete(line, lines[line].length, '。');
    expect(items.map((i) => i.label)).toEqual(['三是']);
    expect(items[0].textEdit).toEqual({ range: { start: { line, character: lines[line].length }, end: { line, character: lines[line].length } }, newText: '三是' });
  });

  it('offers the next heading numbers at the start of a line in the (三) section', async () => {
    const line = lines.findIndex((l) => l.startsWith('一是健全依法决策机制'));
    const labels = (await complete(line, 0)).filter((i) => i.kind === 9).map((i) => i.label);
    expect(labels).toEqual(['1.', '(四)', '二、']);
  });

  it('offers the phrase for jc, ranked for the part the cursor is in', async () => {
    const line = lines.findIndex((l) => l.startsWith('一是学习内容与行政服务工作'));
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'jc' }],
    });
    await server.diagnostics(uri, 2);
    const items = await complete(line, 2);
    const phrases = items.filter((i) => i.kind === 1);
    expect(phrases.map((i) => i.textEdit && 'newText' in i.textEdit && i.textEdit.newText)).toContain(
      '坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实党中央、国务院关于法治政府建设的决策部署',
    );
    expect(phrases[0].textEdit).toMatchObject({ range: { start: { line, character: 0 }, end: { line, character: 2 } } });
    // jq opens a measures phrase, a problems one and a plan one; inside 三、存在问题和不足 the problems one ranks first.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 2 } }, text: 'jq' }],
    });
    await server.diagnostics(uri, 3);
    const ranked = (await complete(line, 2)).filter((i) => i.kind === 1).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(ranked.map((i) => i.detail)).toEqual(['常用表述 · 问题：原因分析', '常用表述 · 举措：制度建设', '常用表述 · 安排：规范涉企执法长效机制']);
    const typedHan = 'untitled:han.txt';
    await open(server, typedHan, '某区2023年度法治政府建设情况报告\n一、主要举措和成效\n三、存在问题和不足\n在肯定\n');
    const han = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: typedHan }, position: { line: 3, character: 3 } })) as CompletionItem[];
    expect(han.filter((i) => i.kind === 1).map((i) => i.detail)).toEqual(['常用表述 · 问题：开篇']);
  });

  it('offers no phrases inside code blocks or where completion is disabled', async () => {
    const md = 'untitled:code.md';
    await open(server, md, '# 某区2023年度法治政府建设情况报告\n\n一、主要举措\n\n```\njc\n```\n\n<!-- fazhi-report-disable -->\n\njc\n', 'markdown');
    const inCode = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: md }, position: { line: 5, character: 2 } })) as CompletionItem[];
    expect(inCode).toEqual([]);
    const disabled = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: md }, position: { line: 10, character: 2 } })) as CompletionItem[];
    expect(disabled.filter((i) => i.kind === 1)).toEqual([]);
  });
});
