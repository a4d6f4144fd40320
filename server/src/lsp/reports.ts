// Which open documents are reports: the server decides, so every LSP editor
// behaves alike (../shared/design.md, "Which documents are reports").
import { minimatch } from 'minimatch';
import { URI_FILE_PREFIX, uriToPath } from './uri';

export class ReportDecider {
  private readonly checked = new Set<string>();
  private globs: string[] = [];
  private folders: string[] = [];

  setGlobs(globs: string[]): void {
    this.globs = globs;
  }

  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.filter((u) => u.startsWith(URI_FILE_PREFIX)).map((u) => uriToPath(u).replace(/\/+$/, ''));
  }

  /** The user ran the check command on it: a report for the rest of the session. */
  markChecked(uri: string): void {
    this.checked.add(uri);
  }

  matchesGlobs(uri: string): boolean {
    if (this.globs.length === 0) return false;
    const path = uri.startsWith(URI_FILE_PREFIX) ? uriToPath(uri) : uri;
    const candidates = [path];
    for (const folder of this.folders) {
      if (path.startsWith(folder + '/')) candidates.push(path.slice(folder.length + 1));
    }
    return this.globs.some((glob) =>
      candidates.some((p) => minimatch(p, glob, { dot: true, matchBase: !glob.includes('/') })),
    );
  }

  isReport(uri: string, looksLikeReport: boolean): boolean {
    return this.checked.has(uri) || this.matchesGlobs(uri) || looksLikeReport;
  }
}
