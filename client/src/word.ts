// The Word commands: 批注 Word 文档 (a .docx from the Explorer or the palette gets the findings as
// comments, written next to it as 原名.批注.docx) and 导出为公文格式 Word (the current report as a
// GB/T 9704 .docx, saved where the user says). The server reads and writes the files (with the
// settings of the file's folder); here are the dialogs and the messages. The original file is never
// written over.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../server/src/lsp/protocol';
import type { ReportServer } from './server';

export function registerWordCommands(server: ReportServer): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('fazhiReport.annotateWord', (uri?: vscode.Uri) => annotateWord(server, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('fazhiReport.exportWord', () => exportWord(server)),
  ];
}

async function annotateWord(server: ReportServer, given: vscode.Uri | undefined): Promise<void> {
  const target =
    given ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('Word document')]: ['docx'] },
        openLabel: vscode.l10n.t('Annotate'),
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
      })
    )?.[0];
  if (!target) return;
  const name = path.posix.basename(target.path);
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Checking and annotating '{0}'…", name) }, () =>
    server.command(COMMANDS.annotateWord, { uri: target.toString() }),
  );
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.reason);
    return;
  }
  const output = vscode.Uri.parse(result.output);
  await vscode.commands.executeCommand('revealInExplorer', output);
  await offerToOpen(output, vscode.l10n.t('{0} findings, {1} comments written: {2}', result.findings, result.comments, path.posix.basename(output.path)));
}

async function exportWord(server: ReportServer): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || (document.languageId !== 'markdown' && document.languageId !== 'plaintext')) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the report to export first (a Markdown or text file)'));
    return;
  }
  const folder = document.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
  const base = document.isUntitled ? '法治政府建设情况报告' : path.posix.basename(document.uri.path, path.posix.extname(document.uri.path));
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.docx`) : undefined,
    filters: { [vscode.l10n.t('Word document')]: ['docx'] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export as official-format Word document'),
  });
  if (!target) return;
  const result = await server.command(COMMANDS.exportWord, { uri: document.uri.toString(), target: target.toString() });
  if (!result.ok) {
    void vscode.window.showErrorMessage(result.reason);
    return;
  }
  await offerToOpen(target, vscode.l10n.t('Exported in the official format: {0}', path.posix.basename(target.path)));
}

/** A message naming the written file, with buttons to open it (in Word or WPS) or show it in its folder. */
async function offerToOpen(file: vscode.Uri, message: string): Promise<void> {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Show in folder');
  const choice = await vscode.window.showInformationMessage(message, open, reveal);
  if (choice === open) await vscode.env.openExternal(file);
  else if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', file);
}
