// The palette's commands. Each asks the server (typed by the shared protocol)
// and applies what it answers; nothing here analyses.
import * as vscode from 'vscode';
import { COMMANDS, type SectionKey, type TextEdit } from '../../server/src/lsp/protocol';
import type { CurrentReport } from './current';
import { nextProblem } from './model';
import type { ReportServer } from './server';

const SOURCE = '法治报告';

const toRange = (r: TextEdit['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

async function editorFor(uri?: string): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (uri && editor?.document.uri.toString() !== uri) return vscode.window.showTextDocument(vscode.Uri.parse(uri));
  return editor;
}

function applyEdits(uri: vscode.Uri, edits: TextEdit[]): Thenable<boolean> {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return vscode.workspace.applyEdit(edit);
}

/**
 * The renumbering, previewed: one row per changed numeral, all ticked; Enter
 * applies the ticked ones. (VS Code's refactoring preview starts every change
 * that needs confirmation unticked, so its Apply changed nothing.)
 */
async function previewRenumbering(document: vscode.TextDocument, edits: TextEdit[], level: number): Promise<TextEdit[] | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { edit: TextEdit }>();
  pick.canSelectMany = true;
  pick.title = vscode.l10n.t('Renumber level-{0} headings: untick the lines to keep, press Enter to apply', level);
  pick.items = edits.map((edit) => {
    const line = document.lineAt(edit.range.start.line).text;
    const after = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
    return { label: after.trim().slice(0, 40), description: vscode.l10n.t('line {0}, was {1}', edit.range.start.line + 1, document.getText(toRange(edit.range))), edit };
  });
  pick.selectedItems = pick.items;
  return new Promise((resolve) => {
    let accepted = false;
    pick.onDidAccept(() => {
      accepted = true;
      resolve(pick.selectedItems.map((i) => i.edit));
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!accepted) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

export function registerCommands(server: ReportServer, current: CurrentReport): vscode.Disposable[] {
  async function goToProblem(direction: 1 | -1) {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const problems = vscode.languages
      .getDiagnostics(editor.document.uri)
      .filter((d) => d.source === SOURCE)
      .map((d) => ({ line: d.range.start.line, character: d.range.start.character }));
    const target = nextProblem(problems, { line: editor.selection.active.line, character: editor.selection.active.character }, direction);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No problems found in this report'));
      return undefined;
    }
    const position = new vscode.Position(target.line, target.character);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return target;
  }

  return [
    vscode.commands.registerCommand('fazhiReport.checkCurrentFile', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open the report file to check first'));
        return;
      }
      await server.command(COMMANDS.checkDocument, { uri: editor.document.uri.toString() });
      await current.refresh();
    }),
    vscode.commands.registerCommand('fazhiReport.showOutline', async () => {
      await vscode.commands.executeCommand('fazhiReport.outline.focus');
    }),
    vscode.commands.registerCommand('fazhiReport.revealRange', async (uri: string, range: TextEdit['range']) => {
      const editor = await editorFor(uri);
      if (!editor) return;
      const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
      editor.selection = selection;
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    // The server writes the part and renumbers the parts after it; the cursor goes to its first line.
    vscode.commands.registerCommand('fazhiReport.insertPart', async (key?: SectionKey, options?: { renumber?: boolean }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      await current.refresh();
      const missing = current.response?.parts.filter((p) => p.state === 'missing' && !p.optional) ?? [];
      if (missing.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('All four required parts are present'));
        return false;
      }
      let chosen = missing.find((p) => p.key === key);
      if (!chosen) {
        const pick = await vscode.window.showQuickPick(
          missing.map((p) => ({ label: p.name, detail: p.regulation, key: p.key })),
          { placeHolder: vscode.l10n.t('Choose the required part to insert') },
        );
        chosen = missing.find((p) => p.key === pick?.key);
      }
      if (!chosen) return false;
      const result = await server.command(COMMANDS.applyInsertPart, { uri: editor.document.uri.toString(), key: chosen.key, renumber: options?.renumber ?? true });
      if (!result.applied) {
        if (result.message) void vscode.window.showInformationMessage(result.message);
        return false;
      }
      if (result.cursor) {
        const at = new vscode.Position(result.cursor.line, result.cursor.character);
        editor.selection = new vscode.Selection(at, at);
        editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
      return true;
    }),
    // The same skeleton as the server's command, as a snippet: tab stops to fill in; the year is the server's.
    vscode.commands.registerCommand('fazhiReport.insertSkeleton', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const result = await server.command(COMMANDS.skeletonSnippet, { uri: editor.document.uri.toString() });
      const target = editor.document.getText().trim() === '' ? new vscode.Range(0, 0, editor.document.lineCount, 0) : editor.selection;
      return editor.insertSnippet(new vscode.SnippetString(result.snippet), target);
    }),
    vscode.commands.registerCommand('fazhiReport.renumber', async (options?: { preview?: boolean }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const result = await server.command(COMMANDS.renumberEdits, { uri: editor.document.uri.toString(), line: editor.selection.active.line });
      if (!result || result.edits.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The headings of this level are already numbered in sequence'));
        return false;
      }
      const version = editor.document.version;
      const chosen = options?.preview === false ? result.edits : await previewRenumbering(editor.document, result.edits, result.level);
      // The text changed while the preview was open: its edits no longer fit.
      if (!chosen?.length || editor.document.version !== version) return false;
      return applyEdits(editor.document.uri, chosen);
    }),
    vscode.commands.registerCommand('fazhiReport.nextProblem', () => goToProblem(1)),
    vscode.commands.registerCommand('fazhiReport.previousProblem', () => goToProblem(-1)),
    vscode.commands.registerCommand('fazhiReport.copySummary', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      const result = await server.command(COMMANDS.reviewSummary, { uri: editor.document.uri.toString(), fileName: vscode.workspace.asRelativePath(editor.document.uri) });
      if (!result) return undefined;
      try {
        await vscode.env.clipboard.writeText(result.text);
        void vscode.window.showInformationMessage(vscode.l10n.t('Review summary copied to the clipboard'));
      } catch (error) {
        // A browser may refuse the clipboard; the summary is still shown so it can be copied by hand.
        const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: result.text });
        await vscode.window.showTextDocument(doc, { preview: true });
        void vscode.window.showWarningMessage(vscode.l10n.t('Could not write to the clipboard ({0}); the review summary is open in a new tab', String(error)));
      }
      return result.text;
    }),
  ];
}
