// Extension entry: starts the language server and wires the outline view,
// the status bar and the commands. Analysis happens only in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { OutlineResponse } from '../../server/src/lsp/features';
import { buildViewItems, itemAt, nextProblem, statusText, statusTooltip, type ViewItem } from './model';
import { OutlineTree } from './outlineView';
import { registerReviewCommand } from './review';
import { registerWordCommands } from './word';
import { DOCUMENT_SCHEME, registerDocumentCommands } from './documents';

export interface FazhiReportApi {
  /** The outline view's current items (checklist first). */
  outlineItems(): ViewItem[];
  /** The status bar text, or undefined when it is hidden. */
  statusBarText(): string | undefined;
  /** Asks the server again for the active editor's outline. */
  refresh(): Promise<void>;
}

const SELECTOR = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'plaintext', scheme: 'file' },
  { language: 'plaintext', scheme: 'untitled' },
  { scheme: DOCUMENT_SCHEME },
];
const SOURCE = '法治报告';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<FazhiReportApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    synchronize: { configurationSection: 'fazhiReport' },
    // VS Code lists Markdown `#` headings itself; see fazhiReport.markdownSymbols.
    initializationOptions: { hostHasMarkdownOutline: true },
  };
  const languageClient = new LanguageClient('fazhiReport', '法治政府建设报告助手', serverOptions, clientOptions);
  client = languageClient;

  const tree = new OutlineTree();
  const views = ['fazhiReport.outline', 'fazhiReport.outlinePanel'].map((id) =>
    vscode.window.createTreeView(id, { treeDataProvider: tree, showCollapseAll: true }),
  );
  const status = vscode.window.createStatusBarItem('fazhiReport.status', vscode.StatusBarAlignment.Left, 100);
  status.name = '法治报告';
  status.command = 'fazhiReport.showOutline';
  context.subscriptions.push(tree, status, ...views);
  // The reviewer's folder and the Word commands run the library in the extension host.
  registerReviewCommand(context);
  registerWordCommands(context);
  registerDocumentCommands(context, languageClient);

  let current: OutlineResponse | undefined;
  let items: ViewItem[] = [];
  let pending: NodeJS.Timeout | undefined;

  const isCandidate = (doc: vscode.TextDocument | undefined) => !!doc && (doc.languageId === 'markdown' || doc.languageId === 'plaintext');

  const refresh = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isCandidate(editor.document)) {
      current = undefined;
      items = [];
    } else {
      try {
        current = (await languageClient.sendRequest('fazhiReport/outline', { textDocument: { uri: editor.document.uri.toString() } })) ?? undefined;
      } catch {
        current = undefined;
      }
      items = current ? buildViewItems(current) : [];
    }
    tree.setItems(items);
    const message = current?.isReport ? undefined : vscode.l10n.t('当前文件不是法治政府建设报告。可运行“法治报告: 检查当前文件”按报告检查。');
    for (const view of views) view.message = message;
    void vscode.commands.executeCommand('setContext', 'fazhiReport.isReport', !!current?.isReport);
    const text = statusText(current);
    if (text && current) {
      status.text = text;
      status.tooltip = statusTooltip(current);
      status.show();
    } else status.hide();
  };
  const scheduleRefresh = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void refresh(), 50);
  };

  // Follow the cursor: reveal the section it is in, without taking focus.
  const follow = (editor: vscode.TextEditor | undefined) => {
    if (!editor || !current?.isReport || editor.document.uri.toString() !== current.uri) return;
    const item = itemAt(items, { line: editor.selection.active.line, character: editor.selection.active.character });
    if (!item) return;
    for (const view of views) if (view.visible) void view.reveal(item, { select: true, focus: false, expand: false });
  };

  const editorFor = async (uri?: string) => {
    const editor = vscode.window.activeTextEditor;
    if (uri && editor?.document.uri.toString() !== uri) return vscode.window.showTextDocument(vscode.Uri.parse(uri));
    return editor;
  };

  const applyServerEdits = async (uri: string, edits: { range: vscode.Range | { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[], preview: boolean, label: string) => {
    const edit = new vscode.WorkspaceEdit();
    const target = vscode.Uri.parse(uri);
    for (const e of edits) {
      const range = new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character);
      if (preview) edit.replace(target, range, e.newText, { needsConfirmation: true, label });
      else edit.replace(target, range, e.newText);
    }
    return vscode.workspace.applyEdit(edit, preview ? { isRefactoring: true } : undefined);
  };

  const serverCommand = <T>(command: string, args: unknown) => languageClient.sendRequest<T>('workspace/executeCommand', { command, arguments: [args] });

  context.subscriptions.push(
    vscode.commands.registerCommand('fazhiReport.checkCurrentFile', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('请先打开要检查的报告文件'));
        return;
      }
      await serverCommand('fazhiReport.checkDocument', { uri: editor.document.uri.toString() });
      await refresh();
    }),
    vscode.commands.registerCommand('fazhiReport.showOutline', async () => {
      await vscode.commands.executeCommand('fazhiReport.outline.focus');
    }),
    vscode.commands.registerCommand('fazhiReport.revealRange', async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      const editor = await editorFor(uri);
      if (!editor) return;
      const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
      editor.selection = selection;
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand('fazhiReport.insertPart', async (key?: string, options?: { renumber?: boolean }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      await refresh();
      const missing = current?.parts.filter((p) => p.state === 'missing' && !p.optional) ?? [];
      if (missing.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('四个必备部分都已具备'));
        return false;
      }
      let chosen = missing.find((p) => p.key === key);
      if (!chosen) {
        const pick = await vscode.window.showQuickPick(
          missing.map((p) => ({ label: p.name, detail: p.regulation, key: p.key })),
          { placeHolder: vscode.l10n.t('选择要插入的必备部分') },
        );
        chosen = missing.find((p) => p.key === pick?.key);
      }
      if (!chosen) return false;
      const uri = editor.document.uri.toString();
      const result = await serverCommand<{ edits: { range: vscode.Range; newText: string }[] } | null>('fazhiReport.partEdits', { uri, key: chosen.key, renumber: options?.renumber ?? false });
      return result ? applyServerEdits(uri, result.edits, false, '') : false;
    }),
    vscode.commands.registerCommand('fazhiReport.insertSkeleton', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const configured = vscode.workspace.getConfiguration('fazhiReport', editor.document.uri).get<number | null>('reportYear');
      const result = await serverCommand<{ snippet: string }>('fazhiReport.skeletonSnippet', { reportYear: configured ?? new Date().getFullYear() - 1 });
      const target = editor.document.getText().trim() === '' ? new vscode.Range(0, 0, editor.document.lineCount, 0) : editor.selection;
      return editor.insertSnippet(new vscode.SnippetString(result.snippet), target);
    }),
    vscode.commands.registerCommand('fazhiReport.renumber', async (options?: { preview?: boolean }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const uri = editor.document.uri.toString();
      const result = await serverCommand<{ level: number; edits: { range: vscode.Range; newText: string }[] } | null>('fazhiReport.renumberEdits', { uri, line: editor.selection.active.line });
      if (!result || result.edits.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('本级标题的序号已连续，无需重新编号'));
        return false;
      }
      return applyServerEdits(uri, result.edits, options?.preview ?? true, vscode.l10n.t('重新编号第 {0} 级标题', result.level));
    }),
    vscode.commands.registerCommand('fazhiReport.nextProblem', () => goToProblem(1)),
    vscode.commands.registerCommand('fazhiReport.previousProblem', () => goToProblem(-1)),
    vscode.commands.registerCommand('fazhiReport.copySummary', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      const result = await serverCommand<{ text: string } | null>('fazhiReport.reviewSummary', {
        uri: editor.document.uri.toString(),
        fileName: vscode.workspace.asRelativePath(editor.document.uri),
      });
      if (!result) return undefined;
      try {
        await vscode.env.clipboard.writeText(result.text);
        void vscode.window.showInformationMessage(vscode.l10n.t('审阅摘要已复制到剪贴板'));
      } catch (error) {
        // A browser may refuse the clipboard; the summary is still shown so it can be copied by hand.
        const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: result.text });
        await vscode.window.showTextDocument(doc, { preview: true });
        void vscode.window.showWarningMessage(vscode.l10n.t('无法写入剪贴板（{0}），审阅摘要已在新标签页中打开', String(error)));
      }
      return result.text;
    }),
    vscode.window.onDidChangeActiveTextEditor(scheduleRefresh),
    vscode.window.onDidChangeTextEditorSelection((e) => follow(e.textEditor)),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (e.uris.some((u) => u.toString() === active)) scheduleRefresh();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('fazhiReport')) scheduleRefresh();
    }),
  );

  async function goToProblem(direction: 1 | -1) {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const problems = vscode.languages
      .getDiagnostics(editor.document.uri)
      .filter((d) => d.source === SOURCE)
      .map((d) => ({ line: d.range.start.line, character: d.range.start.character }));
    const target = nextProblem(problems, { line: editor.selection.active.line, character: editor.selection.active.character }, direction);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('本报告没有发现问题'));
      return undefined;
    }
    const position = new vscode.Position(target.line, target.character);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return target;
  }

  tree.onOpen = (item) => {
    if (item.kind === 'part' && item.part?.state === 'missing') {
      void vscode.commands.executeCommand('fazhiReport.insertPart', item.part.key);
      return;
    }
    const range = item.selectionRange ?? item.range;
    if (range && current) void vscode.commands.executeCommand('fazhiReport.revealRange', current.uri, range);
  };

  await languageClient.start();
  await refresh();
  return {
    outlineItems: () => items,
    statusBarText: () => (status.text && current?.isReport ? status.text : undefined),
    refresh,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
