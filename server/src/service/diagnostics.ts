// Diagnostics: the findings of a report, published a debounce after each change.
import type { Diagnostic } from 'vscode-languageserver';
import { toDiagnostic } from '../lsp/convert';
import type { AnalysisCache } from './cache';
import type { ServiceDocument, Token, Workspace } from './types';

export class DiagnosticsProvider {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Bumped by every schedule: a debounce started for an older change never fires. */
  private readonly generations = new Map<string, number>();
  private counter = 0;

  constructor(
    private readonly cache: AnalysisCache,
    private readonly workspace: Workspace,
    private readonly publish: (uri: string, version: number | undefined, diagnostics: Diagnostic[]) => void,
  ) {}

  async provideDiagnostics(document: ServiceDocument, token: Token): Promise<Diagnostic[]> {
    const entry = await this.cache.get(document);
    if (token.isCancellationRequested || !entry.isReport) return [];
    return entry.result.analysis.findings.map(toDiagnostic);
  }

  /** Analyses and publishes after the document's debounce; a newer change restarts the wait. */
  schedule(uri: string): void {
    const generation = ++this.counter;
    this.generations.set(uri, generation);
    this.stopTimer(uri);
    void this.cache.settingsOf(uri).then((settings) => {
      if (this.generations.get(uri) !== generation) return;
      this.timers.set(uri, setTimeout(() => void this.validate(uri, generation), settings.debounce));
    });
  }

  /** Analyses and publishes now. */
  async validate(uri: string, generation = this.generations.get(uri)): Promise<void> {
    this.timers.delete(uri);
    const document = this.workspace.get(uri);
    if (!document) return;
    const entry = await this.cache.get(document);
    // Never publish for a version older than the latest one, nor for a closed document.
    if (this.workspace.get(uri)?.version !== entry.version || this.generations.get(uri) !== generation) return;
    this.publish(uri, entry.version, entry.isReport ? entry.result.analysis.findings.map(toDiagnostic) : []);
  }

  /** A closed document: its pending analysis dropped, its diagnostics cleared. */
  close(uri: string): void {
    this.stopTimer(uri);
    this.generations.delete(uri);
    this.publish(uri, undefined, []);
  }

  private stopTimer(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
  }
}
