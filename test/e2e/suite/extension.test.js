// The extension in a real VS Code: what a report writer sees, read through the
// editor's own APIs and the small API activate() returns.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
// To save a .docx again as Word would, in the test that follows a Word file on disk.
const { strFromU8, strToU8, unzipSync, zipSync } = require('fflate');

const EXTENSION_ID = 'fazhi-report.fazhi-report';
const workspace = () => vscode.workspace.workspaceFolders[0].uri;
const fileUri = (name) => vscode.Uri.joinPath(workspace(), name);

/** Polls until check() returns a truthy value, or fails after `ms`. */
async function until(what, check, ms = 30000) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === '法治报告');

async function open(name) {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  const editor = await vscode.window.showTextDocument(doc);
  return editor;
}

describe('法治政府建设报告助手 in VS Code', function () {
  let api;

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    // Opening a Markdown or text file activates it.
    await open('2022-suxitong-park.txt');
    api = await extension.activate();
    assert.ok(api && typeof api.outlineItems === 'function', 'activate() returns the test API');
  });

  it('gives a real report diagnostics, a status bar item and a filled outline view', async () => {
    const editor = await open('2022-suxitong-park.txt');
    const uri = editor.document.uri;
    const diagnostics = await until('diagnostics of the report', () => {
      const found = ours(uri);
      return found.length ? found : undefined;
    });
    const placeholder = diagnostics.find((d) => d.code === 'placeholder');
    assert.ok(placeholder, 'the ***** placeholder is reported');
    assert.equal(placeholder.range.start.line, 35);
    assert.equal(placeholder.severity, vscode.DiagnosticSeverity.Error);
    // The placeholder is counted as what it is (遗留), not hidden behind a count of 数字问题.
    await until('the status bar', async () => {
      await api.refresh();
      const text = api.statusBarText();
      return text && text.startsWith('法治报告 ✓4/4') && text.includes('遗留 1');
    });
    const items = api.outlineItems();
    assert.equal(items[0].label, '必备部分');
    // The state is the row's icon; the label is the part's name alone.
    assert.deepEqual(
      items[0].children.map((c) => [c.part.state, c.label]),
      [['heading', '主要举措和成效'], ['heading', '存在的不足和原因'], ['heading', '党政主要负责人履行推进法治建设第一责任人职责情况'], ['heading', '下一年度推进法治政府建设的主要安排'], ['missing', '其他需要报告的情况']],
    );
    assert.equal(items[1].kind, 'title');
    assert.deepEqual(
      items.slice(2).map((i) => i.label),
      ['一、推进法治政府建设的主要举措和成效', '二、主要负责人履行推进法治建设第一责任人职责情况', '三、存在问题和不足', '四、2023年度推进法治政府建设的主要安排'],
    );
    assert.equal(items[2].children.length, 8);
    // Its placeholder is an error: the section's row says so.
    assert.equal(items[2].severity, 'error');
  });

  it('opens a report pasted from Word with word wrap on', async () => {
    const editor = await open('2022-suxitong-park.txt');
    assert.equal(vscode.workspace.getConfiguration('editor', editor.document).get('wordWrap'), 'off');
    await until('word wrap for the report', () => api.wrappedByUs(editor.document.uri.toString()));
  });

  it('leaves an unrelated README alone: no diagnostics, no status bar item, a view that says so', async () => {
    const editor = await open('README.md');
    await until('the outline of the README', async () => {
      await api.refresh();
      return api.statusBarText() === undefined;
    });
    assert.deepEqual(api.outlineItems(), []);
    assert.deepEqual(ours(editor.document.uri), []);
  });

  it('reports a missing part and a wrong rate, with the right ranges, and updates after an edit', async () => {
    const editor = await open('2023-示例区-法治政府建设情况报告.md');
    const uri = editor.document.uri;
    const diagnostics = await until('diagnostics of the sample', () => {
      const found = ours(uri);
      return found.some((d) => d.code === 'rate-mismatch') ? found : undefined;
    });
    const missing = diagnostics.find((d) => d.code === 'required-section');
    assert.ok(missing.message.includes('存在的不足和原因'));
    assert.deepEqual([missing.range.start.line, missing.range.start.character, missing.range.end.character], [0, 2, 28]);
    const rate = diagnostics.find((d) => d.code === 'rate-mismatch');
    assert.deepEqual([rate.range.start.line, rate.range.start.character], [14, 44]);
    assert.equal(rate.message, '比率与分子分母不一致：1194/1195 = 99.92%（调解成功 / 受理矛盾纠纷），文中写 98%');
    await until('the status bar of the sample', async () => {
      await api.refresh();
      return api.statusBarText() === '法治报告 ✓3/4 · 遗留 3 · 必备部分 1 · 数字 1';
    });

    // Typing a placeholder on the empty line 16: its diagnostic appears there.
    assert.equal(editor.document.lineAt(15).text, '');
    await editor.edit((b) => b.insert(new vscode.Position(15, 0), '全年新增XX件。'));
    const added = await until('the diagnostic of the new placeholder', () => ours(uri).find((d) => d.code === 'placeholder' && d.range.start.line === 15));
    assert.deepEqual([added.range.start.character, added.range.end.character], [4, 6]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('inserts the missing part through its quick fix', async () => {
    const editor = await open('2023-示例区-法治政府建设情况报告.md');
    const uri = editor.document.uri;
    const missing = ours(uri).find((d) => d.code === 'required-section');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => a.title.startsWith('插入“') && !a.title.includes('重新编号'));
    assert.ok(insert, 'the insert quick fix is offered');
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    await until('the missing part to be found', () => !ours(uri).some((d) => d.code === 'required-section'));
    assert.ok(editor.document.getText().includes('推进法治政府建设存在的不足和原因'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('inserts a missing part with the command, renumbers, walks the problems and summarises', async () => {
    const editor = await open('2023-示例区-法治政府建设情况报告.md');
    const uri = editor.document.uri;
    await until('the diagnostics of the sample', () => ours(uri).some((d) => d.code === 'required-section'));

    // 插入缺少的必备部分, as the checklist's click runs it: the headings after it renumbered, no two 二、.
    assert.equal(await vscode.commands.executeCommand('fazhiReport.insertPart', 'problems'), true);
    const text = editor.document.getText();
    assert.ok(text.includes('二、推进法治政府建设存在的不足和原因'));
    assert.ok(text.includes('三、主要负责人履行推进法治建设第一责任人职责情况'));
    assert.ok(text.includes('四、2024年度推进法治政府建设的主要安排'));
    assert.equal(text.split('\n').filter((l) => /^(?:#+ )?二、/.test(l)).length, 1);
    // The cursor is on the new part's first line, its guiding sentence.
    const partLine = text.split('\n').findIndex((l) => l.includes('二、推进法治政府建设存在的不足和原因'));
    const cursor = editor.selection.active;
    assert.ok(cursor.line > partLine && cursor.line <= partLine + 2, `cursor on line ${cursor.line}, part at ${partLine}`);
    assert.ok(editor.document.lineAt(cursor.line).text.includes('不足'), editor.document.lineAt(cursor.line).text);
    await until('the part to be found', () => !ours(uri).some((d) => d.code === 'required-section'));
    await until('no sequence finding after the insertion', () => !ours(uri).some((d) => d.code === 'heading-sequence'));

    // 重新编号本级标题 (applied without the preview here): 四 → 三 after removing 三.
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('三、主要负责人'));
    await editor.edit((b) => b.replace(new vscode.Range(line, 0, line, 1), '五'));
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await until('the sequence finding', () => ours(uri).some((d) => d.code === 'heading-sequence'));
    assert.equal(await vscode.commands.executeCommand('fazhiReport.renumber', { preview: false }), true);
    assert.equal(editor.document.lineAt(line).text.slice(0, 2), '三、');
    await until('no sequence finding', () => !ours(uri).some((d) => d.code === 'heading-sequence'));

    // From the palette: the preview lists every change ticked, and accepting it applies them.
    await editor.edit((b) => b.replace(new vscode.Range(line, 0, line, 1), '五'));
    editor.selection = new vscode.Selection(line, 0, line, 0);
    await until('the sequence finding again', () => ours(uri).some((d) => d.code === 'heading-sequence'));
    const renumbered = vscode.commands.executeCommand('fazhiReport.renumber');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await renumbered, true);
    assert.equal(editor.document.lineAt(line).text.slice(0, 2), '三、');
    await until('no sequence finding after the preview', () => !ours(uri).some((d) => d.code === 'heading-sequence'));

    // 转到下一个问题: in document order, wrapping.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const first = await vscode.commands.executeCommand('fazhiReport.nextProblem');
    const starts = ours(uri).map((d) => d.range.start).sort((a, b) => a.line - b.line || a.character - b.character);
    const firstAfterStart = starts.find((p) => p.line > 0 || p.character > 0);
    assert.deepEqual([first.line, first.character], [firstAfterStart.line, firstAfterStart.character]);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [first.line, first.character]);
    const back = await vscode.commands.executeCommand('fazhiReport.previousProblem');
    const before = (p, q) => p.line < q.line || (p.line === q.line && p.character < q.character);
    const expected = [...starts].reverse().find((p) => before(p, first)) ?? starts[starts.length - 1];
    assert.deepEqual([back.line, back.character], [expected.line, expected.character]);

    // 复制审阅摘要.
    const summary = await vscode.commands.executeCommand('fazhiReport.copySummary');
    assert.ok(summary.startsWith('报告：示例区人民政府关于2023年度法治政府建设情况的报告'), summary);
    assert.ok(summary.includes('  ✓ 有标题  存在的不足和原因'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('checks a file that does not look like a report when asked to', async () => {
    const editor = await open('notes.md');
    const uri = editor.document.uri;
    await api.refresh();
    assert.deepEqual(ours(uri), []);
    await vscode.commands.executeCommand('fazhiReport.checkCurrentFile');
    await until('diagnostics of the notes', () => ours(uri).some((d) => d.code === 'placeholder'));
  });

  it('shows a .docx as read-only text with its diagnostics, status bar and outline, following the file on disk (检查 Word/PDF 文档)', async () => {
    const file = fileUri('2023-示例区-自动编号.docx');
    const shown = await vscode.commands.executeCommand('fazhiReport.openDocument', file);
    assert.ok(shown, 'the command returns the document it shows');
    const uri = vscode.Uri.parse(shown);
    assert.equal(uri.scheme, 'fazhi-document');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor.document.uri.toString(), shown);
    // Word's automatic numbering is back in the text: the headings are there.
    assert.ok(editor.document.getText().startsWith('示例区2023年度法治政府建设情况报告\n市法治政府建设领导小组办公室：\n'));
    const diagnostics = await until('diagnostics of the Word file', () => {
      const found = ours(uri);
      return found.some((d) => d.code === 'placeholder') && found.some((d) => d.code === 'rate-mismatch') ? found : undefined;
    });
    const placeholder = diagnostics.find((d) => d.code === 'placeholder');
    assert.equal(placeholder.range.start.line, 4);
    assert.equal(editor.document.getText(placeholder.range), 'XX');
    await until('the status bar', async () => {
      await api.refresh();
      return api.statusBarText()?.startsWith('法治报告 ✓4/4');
    });
    const rows = api.outlineItems().filter((i) => i.kind !== 'parts' && i.kind !== 'title');
    assert.deepEqual(
      rows.map((i) => i.label),
      [
        '主送：市法治政府建设领导小组办公室：',
        '一、推进法治政府建设的主要举措和成效',
        '二、党政主要负责人履行推进法治建设第一责任人职责情况',
        '三、存在的不足和原因',
        '四、2024年度推进法治政府建设的主要安排',
        '落款：示例区人民政府 2024年3月20日',
      ],
    );
    assert.deepEqual(rows[1].children.map((c) => c.label), ['（一）加强组织领导', '（二）严格规范执法']);
    // The place in Word's terms on hover: 第N段.
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(4, 0));
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(hoverText.includes('原文第 5 段'), hoverText);
    // Read-only: typing changes nothing, and no quick fix is offered; the Word file is where it is fixed.
    await vscode.commands.executeCommand('type', { text: '改' });
    assert.ok(editor.document.getText().startsWith('示例区2023年度'));
    assert.equal(editor.document.isDirty, false);
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, placeholder.range);
    assert.deepEqual(actions.filter((a) => a.diagnostics?.some((d) => d.source === '法治报告')), []);
    // The writer fills in the figure in Word and saves: the text and the findings follow the file.
    const files = unzipSync(await vscode.workspace.fs.readFile(file));
    files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']).replace('XX次', '12次'));
    await vscode.workspace.fs.writeFile(file, zipSync(files));
    await until('the text read again', () => editor.document.getText().includes('全年召开专题会议12次'));
    await until('the placeholder gone', () => !ours(uri).some((d) => d.code === 'placeholder'));
  });

  it('expands the report skeleton snippet with last year, as the command does, and the plan year follows the year typed', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: '报告框架' });
    await until('the skeleton', () => editor.document.getText().includes('一、推进法治政府建设的主要举措和成效'));
    const year = new Date().getFullYear() - 1;
    const text = editor.document.getText();
    for (const heading of [`${year}年度法治政府建设情况的报告`, '二、推进法治政府建设存在的不足和原因', '三、党政主要负责人履行推进法治建设第一责任人职责情况']) {
      assert.ok(text.includes(heading), heading);
    }
    // The year is the first tab stop: leaving it (Tab) writes the plan year, the year after it.
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await until('the plan year', () => editor.document.getText().includes(`四、${year + 1}年度推进法治政府建设的主要安排`));
    // Back to the year, another typed, Tab: the plan year follows.
    await vscode.commands.executeCommand('jumpToPrevSnippetPlaceholder');
    await vscode.commands.executeCommand('type', { text: '2019' });
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await until('the plan year to follow', () => editor.document.getText().includes('四、2020年度推进法治政府建设的主要安排'));
    assert.ok(editor.document.getText().includes('2019年度法治政府建设情况的报告'), editor.document.getText().split('\n')[0]);
  });

  it('inserts the skeleton with the command, with real years', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('fazhiReport.insertSkeleton');
    const year = new Date().getFullYear() - 1;
    await until('the skeleton', () => doc.getText().includes(`${year}年度法治政府建设情况的报告`));
    assert.ok(doc.getText().includes(`四、${year + 1}年度推进法治政府建设的主要安排`));
  });
});
