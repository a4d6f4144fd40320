// The Word commands: 批注 Word 文档 (a .docx from the Explorer or the palette gets the findings as
// comments, written next to it as 原名.批注.docx) and 导出为公文格式 Word (the current report as a
// GB/T 9704 .docx, saved where the user says). They call the library directly; the original file
// is never written over.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyzeOptionsFrom, normalizeSettings, type Settings } from '../../server/src/settings';
import { annotateDocx } from '../../server/src/word/annotate';
import { exportDocx } from '../../server/src/word/export';

/** As the CLI: a .docx with pictures can be far larger than its text. */
const MAX_DOCX_BYTES = 128 * 1024 * 1024;

export function registerWordCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('fazhiReport.annotateWord', (uri?: vscode.Uri) => annotateWord(uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('fazhiReport.exportWord', () => exportWord()),
  );
}

/** The user's fazhiReport settings for a file, checked as the server checks them. */
function settingsFor(uri: vscode.Uri): Settings {
  const config = vscode.workspace.getConfiguration('fazhiReport', uri);
  return normalizeSettings({ reportYear: config.get('reportYear'), rules: config.get('rules'), sections: config.get('sections'), maxFileSize: config.get('maxFileSize') }).settings;
}

async function annotateWord(given: vscode.Uri | undefined): Promise<void> {
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
  try {
    const stat = await vscode.workspace.fs.stat(target);
    if (stat.size > MAX_DOCX_BYTES) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not annotate \'{0}\': the file is too large ({1} bytes)', name, stat.size));
      return;
    }
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking and annotating \'{0}\'…', name) }, async () =>
      annotateDocx(await vscode.workspace.fs.readFile(target), analyzeOptionsFrom(settingsFor(target), 'plain')),
    );
    if (!result.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not annotate \'{0}\': {1}', name, result.reason));
      return;
    }
    const ext = path.posix.extname(name);
    const output = vscode.Uri.joinPath(target, '..', `${path.posix.basename(name, ext)}.批注${ext || '.docx'}`);
    await vscode.workspace.fs.writeFile(output, result.bytes);
    await vscode.commands.executeCommand('revealInExplorer', output);
    await offerToOpen(output, vscode.l10n.t('{0} findings, {1} comments written: {2}', result.findings.length, result.comments, path.posix.basename(output.path)));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not annotate \'{0}\': {1}', name, (error as Error)?.message ?? String(error)));
  }
}

async function exportWord(): Promise<void> {
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
  if (target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot export onto the report itself; choose another .docx file'));
    return;
  }
  try {
    const format = document.languageId === 'markdown' ? 'markdown' : 'plain';
    const settings = settingsFor(document.uri);
    const result = await exportDocx(document.getText(), { ...analyzeOptionsFrom(settings, format), format });
    await vscode.workspace.fs.writeFile(target, result.bytes);
    await offerToOpen(target, vscode.l10n.t('Exported in the official format: {0}', path.posix.basename(target.path)));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Export failed: {0}', (error as Error)?.message ?? String(error)));
  }
}

/** A message naming the written file, with buttons to open it (in Word or WPS) or show it in its folder. */
async function offerToOpen(file: vscode.Uri, message: string): Promise<void> {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Show in folder');
  const choice = await vscode.window.showInformationMessage(message, open, reveal);
  if (choice === open) await vscode.env.openExternal(file);
  else if (choice === reveal) await vscode.commands.executeCommand('revealFileInOS', file);
}
