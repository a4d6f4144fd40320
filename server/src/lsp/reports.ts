// Which open documents are reports: the server decides, so every LSP editor
// behaves alike (../shared/design.md, "Which documents are reports").
import { compileGlobs, type GlobMatcher } from '../glob';
import { URI_FILE_PREFIX, uriToPath } from './uri';

export class ReportDecider {
  private readonly checked = new Set<string>();
  private globs: GlobMatcher = compileGlobs([]);
  private folders: string[] = [];

  /** Globs checked by the settings already (see normalizeSettings). */
  setGlobs(globs: string[]): void {
    this.globs = compileGlobs(globs);
  }

  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.filter((u) => u.startsWith(URI_FILE_PREFIX)).map((u) => trimTrailingSlashes(uriToPath(u)));
  }

  /** The user ran the check command on it: a report for the rest of the session. */
  markChecked(uri: string): void {
    this.checked.add(uri);
  }

  matchesGlobs(uri: string): boolean {
    const path = uri.startsWith(URI_FILE_PREFIX) ? uriToPath(uri) : uri;
    const candidates = [path];
    for (const folder of this.folders) {
      if (path.startsWith(folder + '/')) candidates.push(path.slice(folder.length + 1));
    }
    return candidates.some((p) => this.globs.matches(p));
  }

  isReport(uri: string, looksLikeReport: boolean): boolean {
    return this.checked.has(uri) || this.matchesGlobs(uri) || looksLikeReport;
  }
}

function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
