// Which open documents are reports: the server decides, so every LSP editor
// behaves alike (../shared/design.md, "Which documents are reports").
import { compileGlobs, type GlobMatcher } from '../glob';
import { URI_FILE_PREFIX, uriToPath } from './uri';

export class ReportDecider {
  private readonly checked = new Set<string>();
  private globs: GlobMatcher = compileGlobs([]);
  /** Per-folder `fazhiReport.files`: each list compiled once. */
  private readonly compiled = new Map<string, GlobMatcher>();
  private folders: string[] = [];

  /** Globs checked by the settings already (see normalizeSettings); used when a call names none. */
  setGlobs(globs: string[]): void {
    this.globs = compileGlobs(globs);
  }

  private matcher(globs: string[] | undefined): GlobMatcher {
    if (!globs) return this.globs;
    const key = JSON.stringify(globs);
    let m = this.compiled.get(key);
    if (!m) {
      m = compileGlobs(globs);
      // A handful of folders at most; a long editing of the setting must not pile up matchers.
      if (this.compiled.size >= 64) this.compiled.clear();
      this.compiled.set(key, m);
    }
    return m;
  }

  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.filter((u) => u.startsWith(URI_FILE_PREFIX)).map((u) => trimTrailingSlashes(uriToPath(u)));
  }

  /** The user ran the check command on it: a report for the rest of the session. */
  markChecked(uri: string): void {
    this.checked.add(uri);
  }

  matchesGlobs(uri: string, globs?: string[]): boolean {
    const matcher = this.matcher(globs);
    const path = uri.startsWith(URI_FILE_PREFIX) ? uriToPath(uri) : uri;
    const candidates = [path];
    for (const folder of this.folders) {
      if (path.startsWith(folder + '/')) candidates.push(path.slice(folder.length + 1));
    }
    return candidates.some((p) => matcher.matches(p));
  }

  /** `globs`: the document's own `fazhiReport.files` (a per-folder setting). */
  isReport(uri: string, looksLikeReport: boolean, globs?: string[]): boolean {
    return this.checked.has(uri) || this.matchesGlobs(uri, globs) || looksLikeReport;
  }
}

function trimTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
