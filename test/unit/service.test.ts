// Each provider of the report service on short in-memory reports, without dist/.
import { describe, expect, it } from 'vitest';
import { CancellationTokenSource, SymbolKind, type CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { harness, NONE, publishedFor } from '../service';

const REPORT = [
  '某区人民政府关于2023年度法治政府建设情况的报告',
  '一、主要举措和成效',
  '（一）化解矛盾纠纷',
  '全年受理纠纷20件，成功化解17件，化解率85%。',
  '一是健全调解机制。',
  '二、存在的不足和原因',
  '基层执法力量不足。',
  '三、2024年度推进法治政府建设的主要安排',
  '持续推进严格规范公正文明执法。',
].join('\n');

describe('diagnostics', () => {
  it('publishes the findings of a report, and nothing for notes', async () => {
    const h = harness();
    h.open('file:///ws/report.txt', REPORT.replace('20件', 'XX件'));
    h.open('file:///ws/notes.txt', '周一开会，带XX材料。');
    expect((await publishedFor(h, 'file:///ws/report.txt')).map((d) => d.code)).toContain('placeholder');
    expect(await publishedFor(h, 'file:///ws/notes.txt')).toEqual([]);
  });

  it('answers nothing for a cancelled request', async () => {
    const h = harness();
    const doc = h.open('file:///ws/report.txt', REPORT.replace('20件', 'XX件'));
    const source = new CancellationTokenSource();
    source.cancel();
    expect(await h.service.diagnostics.provideDiagnostics(doc, source.token)).toEqual([]);
    expect((await h.service.diagnostics.provideDiagnostics(doc, NONE)).length).toBeGreaterThan(0);
  });

  it('clears the diagnostics of a closed document', async () => {
    const h = harness();
    h.open('file:///ws/report.txt', REPORT.replace('20件', 'XX件'));
    await publishedFor(h, 'file:///ws/report.txt');
    h.service.documentClosed('file:///ws/report.txt');
    expect(h.published.get('file:///ws/report.txt')).toEqual({ version: undefined, diagnostics: [] });
  });
});

describe('settings per folder', () => {
  it('a folder that turns a rule off has no findings of it; the folder next to it keeps them', async () => {
    const h = harness((uri) => (uri.startsWith('file:///ws/drafts/') ? { debounce: 0, rules: { placeholder: 'off' } } : { debounce: 0 }));
    const text = REPORT.replace('20件', 'XX件');
    h.open('file:///ws/drafts/a.txt', text);
    h.open('file:///ws/final/a.txt', text);
    expect((await publishedFor(h, 'file:///ws/drafts/a.txt')).map((d) => d.code)).not.toContain('placeholder');
    expect((await publishedFor(h, 'file:///ws/final/a.txt')).map((d) => d.code)).toContain('placeholder');
  });

  it('a folder whose files setting names notes makes them reports', async () => {
    const h = harness((uri) => (uri.startsWith('file:///ws/drafts/') ? { debounce: 0, files: ['**/*.txt'] } : { debounce: 0 }));
    h.open('file:///ws/drafts/notes.txt', '全年受理XX件。');
    h.open('file:///ws/other/notes.txt', '全年受理XX件。');
    expect((await publishedFor(h, 'file:///ws/drafts/notes.txt')).map((d) => d.code)).toContain('placeholder');
    expect(await publishedFor(h, 'file:///ws/other/notes.txt')).toEqual([]);
  });
});

describe('document symbols', () => {
  it('lists the headings with their numbering', async () => {
    const h = harness();
    const doc = h.open('file:///ws/report.txt', REPORT);
    const symbols = await h.service.symbols.provideDocumentSymbols(doc, {}, NONE);
    expect(symbols.map((s) => s.name)).toEqual(['一、主要举措和成效', '二、存在的不足和原因', '三、2024年度推进法治政府建设的主要安排']);
    expect(symbols[0].children!.map((s) => s.name)).toEqual(['（一）化解矛盾纠纷']);
    // Icons of documents, not the braces of code modules and namespaces.
    expect([symbols[0].kind, symbols[0].children![0].kind]).toEqual([SymbolKind.File, SymbolKind.String]);
  });

  it('leaves Markdown with only `#` headings to an editor that lists them itself', async () => {
    const markdown = '# 某区2023年度法治政府建设情况报告\n\n## 一、主要举措和成效\n\n甲。\n\n## 二、存在的不足和原因\n\n乙。\n';
    const vscodeLike = harness(undefined, { hostHasMarkdownOutline: true });
    expect(await vscodeLike.service.symbols.provideDocumentSymbols(vscodeLike.open('file:///ws/r.md', markdown, 'markdown'), {}, NONE)).toEqual([]);
    const helix = harness();
    expect((await helix.service.symbols.provideDocumentSymbols(helix.open('file:///ws/r.md', markdown, 'markdown'), {}, NONE)).length).toBeGreaterThan(0);
  });
});

describe('folding', () => {
  it('folds each section over its lines', async () => {
    const h = harness();
    const ranges = await h.service.folding.provideFoldingRanges(h.open('file:///ws/report.txt', REPORT), {}, NONE);
    expect(ranges).toContainEqual({ startLine: 1, endLine: 4, kind: 'region' });
    expect(ranges).toContainEqual({ startLine: 5, endLine: 6, kind: 'region' });
  });
});

describe('hover', () => {
  it('shows the arithmetic of a rate', async () => {
    const h = harness();
    const doc = h.open('file:///ws/report.txt', REPORT);
    const line = 3;
    const character = REPORT.split('\n')[line].indexOf('85%') + 1;
    const hover = await h.service.hover.provideHover(doc, { position: { line, character } }, NONE);
    expect((hover!.contents as { value: string }).value).toContain('17 / 20 = 85%');
    expect(await h.service.hover.provideHover(doc, { position: { line: 0, character: 1 } }, NONE)).toBeNull();
  });
});

describe('completion', () => {
  it('offers 二是 after the 一是 item', async () => {
    const h = harness();
    const doc = h.open('file:///ws/report.txt', REPORT);
    const items = await h.service.completion.provideCompletionItems(doc, { position: { line: 4, character: REPORT.split('\n')[4].length }, context: { triggerCharacter: '。' } }, NONE);
    expect(items.map((i) => i.label)).toEqual(['二是']);
  });

  it('offers 二是 for its pinyin typed after a full stop in the middle of a line', async () => {
    const h = harness();
    const text = REPORT.replace('一是健全调解机制。', '一是健全调解机制。ershi');
    const doc = h.open('file:///ws/report.txt', text);
    const line = text.split('\n')[4];
    const items = await h.service.completion.provideCompletionItems(doc, { position: { line: 4, character: line.length } }, NONE);
    const next = items.find((i) => i.label === '二是')!;
    expect(next).toMatchObject({ filterText: 'ershi', textEdit: { range: { start: { line: 4, character: line.length - 5 }, end: { line: 4, character: line.length } }, newText: '二是' } });
    // Not the pinyin of another numeral.
    expect(items.some((i) => i.label === '三是')).toBe(false);
  });
});

describe('code actions', () => {
  it('offers the renumbering of headings out of order once, for every finding it fixes', async () => {
    const h = harness();
    const text = '某区2023年度法治政府建设情况报告\n一、甲\n三、乙\n三、丙\n';
    const doc = h.open('file:///ws/report.txt', text);
    const actions = await h.service.codeActions.provideCodeActions(doc, { range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } } }, NONE);
    const renumber = actions.filter((a) => a.title.startsWith('重新编号'));
    expect(renumber).toHaveLength(1);
    expect(TextDocument.applyEdits(doc, renumber[0].edit!.changes![doc.uri])).toBe('某区2023年度法治政府建设情况报告\n一、甲\n二、乙\n三、丙\n');
  });

  it('leaves the edit to codeAction/resolve for a client that resolves', async () => {
    const h = harness(undefined, { lazyCodeActionEdits: true });
    const doc = h.open('file:///ws/report.txt', '某区2023年度法治政府建设情况报告\n一、甲\n三、乙\n');
    const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    const lazy = (await h.service.codeActions.provideCodeActions(doc, { range }, NONE)).find((a) => a.title.startsWith('重新编号')) as CodeAction;
    expect(lazy.edit).toBeUndefined();
    const resolved = await h.service.codeActions.resolveCodeAction(lazy, NONE);
    expect(resolved.edit!.changes![doc.uri]).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, newText: '二' }]);
  });
});

describe('outline', () => {
  it('counts the findings of a section by its worst severity and by group', async () => {
    const h = harness();
    const doc = h.open('file:///ws/report.txt', REPORT.replace('基层执法力量不足。', '基层执法力量XX，培训XX次，投入XX万元。'));
    const outline = (await h.service.outline.provideOutline(doc, {}, NONE))!;
    const problems = outline.outline.find((n) => n.title === '存在的不足和原因')!;
    expect(problems).toMatchObject({ findingCount: 3, worstSeverity: 'error' });
    expect(outline.outline.find((n) => n.title === '主要举措和成效')).toMatchObject({ findingCount: 0, worstSeverity: null });
    // Three XX and the skeleton's 某区 in the title (template-leftover).
    expect(outline.findingGroups).toContainEqual({ id: 'leftovers', name: '遗留', count: 4 });
    expect(outline.parts.find((p) => p.key === 'firstResponsible')!.state).toBe('missing');
  });
});

describe('commands', () => {
  const MISSING_PROBLEMS = ['某区人民政府关于2023年度法治政府建设情况的报告', '一、主要举措和成效', '甲。', '二、党政主要负责人履行推进法治建设第一责任人职责情况', '乙。', '三、2024年度推进法治政府建设的主要安排', '丙。'].join('\n');

  it('inserts a missing part through applyEdit, renumbering the parts after it, and says where to go on', async () => {
    const h = harness();
    h.open('file:///ws/report.txt', MISSING_PROBLEMS);
    const result = (await h.service.commands.execute('fazhiReport.server.insertPart', { arguments: [{ uri: 'file:///ws/report.txt', key: 'problems' }] }, NONE)) as { applied: boolean; cursor: { line: number; character: number } };
    expect(result.applied).toBe(true);
    const lines = h.document('file:///ws/report.txt').getText().split('\n');
    expect(lines.filter((l) => /^[一二三四五]、/.test(l)).map((l) => l.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、']);
    expect(lines[3]).toBe('二、推进法治政府建设存在的不足和原因');
    expect(result.cursor).toEqual({ line: 4, character: 0 });
    expect(h.applied).toEqual(['插入“二、推进法治政府建设存在的不足和原因”']);
    const diagnostics = await publishedFor(h, 'file:///ws/report.txt');
    expect(diagnostics.map((d) => d.code)).not.toContain('heading-sequence');
  });

  it('writes a part into a Traditional report in Traditional characters', async () => {
    const h = harness();
    const traditional = ['某區人民政府關於2023年度法治政府建設情況的報告', '一、主要舉措和成效', '甲。', '二、黨政主要負責人履行推進法治建設第一責任人職責情況', '乙。', '三、2024年度推進法治政府建設的主要安排', '丙。'].join('\n');
    h.open('file:///ws/report.txt', traditional);
    const result = await h.service.commands.execute('fazhiReport.partEdits', { arguments: [{ uri: 'file:///ws/report.txt', key: 'problems' }] }, NONE);
    expect(result).toMatchObject({ heading: '二、推進法治政府建設存在的不足和原因' });
  });

  it('renumbers the level at a line through applyEdit, and says so when there is nothing to do', async () => {
    const h = harness();
    h.open('file:///ws/report.txt', '某区2023年度法治政府建设情况报告\n一、甲\n三、乙\n二、丙\n');
    const args = { arguments: [{ uri: 'file:///ws/report.txt', line: 2 }] };
    expect(await h.service.commands.execute('fazhiReport.server.renumber', args, NONE)).toEqual({ applied: true });
    expect(h.document('file:///ws/report.txt').getText()).toBe('某区2023年度法治政府建设情况报告\n一、甲\n二、乙\n三、丙\n');
    expect(await h.service.commands.execute('fazhiReport.server.renumber', args, NONE)).toEqual({ applied: false, message: '本级标题的序号已连续，无需重新编号' });
  });

  it('writes the skeleton into an empty document with the year of its folder, else the year before this one', async () => {
    const h = harness((uri) => (uri.includes('/2022/') ? { reportYear: 2022 } : {}));
    h.open('file:///ws/2022/new.txt', '');
    h.open('file:///ws/new.txt', '\n');
    await h.service.commands.execute('fazhiReport.server.insertSkeleton', { arguments: [{ uri: 'file:///ws/2022/new.txt' }] }, NONE);
    await h.service.commands.execute('fazhiReport.server.insertSkeleton', { arguments: [{ uri: 'file:///ws/new.txt' }] }, NONE);
    expect(h.document('file:///ws/2022/new.txt').getText()).toContain('某区人民政府关于2022年度法治政府建设情况的报告');
    expect(h.document('file:///ws/2022/new.txt').getText()).toContain('四、2023年度推进法治政府建设的主要安排');
    // The default year comes from the server (injected here as 2024), never from the client.
    expect(h.document('file:///ws/new.txt').getText()).toContain('关于2024年度法治政府建设情况的报告');
    const snippet = (await h.service.commands.execute('fazhiReport.skeletonSnippet', { arguments: [{ uri: 'file:///ws/new.txt' }] }, NONE)) as { reportYear: number };
    expect(snippet.reportYear).toBe(2024);
  });

  it('refuses to write the skeleton over a report', async () => {
    const h = harness();
    h.open('file:///ws/report.txt', REPORT);
    const result = await h.service.commands.execute('fazhiReport.server.insertSkeleton', { arguments: [{ uri: 'file:///ws/report.txt' }] }, NONE);
    expect(result).toMatchObject({ applied: false });
    expect(h.document('file:///ws/report.txt').getText()).toBe(REPORT);
  });
});
