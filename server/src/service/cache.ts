// The analyses every provider shares: one per open document, for its current
// text, with the settings of the document's folder. A new version is analysed
// incrementally from the last one (only the blocks an edit touched are parsed
// again), and never from an older chain: each entry holds one analysis.
import { analyseReport, type AnalysedReport } from '../analysis/api';
import { analyzeOptionsFrom, DEFAULT_SETTINGS, type Settings } from '../settings';
import { ReportDecider } from '../lsp/reports';
import { formatForDocument } from '../lsp/uri';
import type { Logger, ServiceDocument } from './types';

export interface Entry {
  version: number;
  /** The text analysed: a change that keeps the version number is still seen. */
  text: string;
  result: AnalysedReport;
  isReport: boolean;
  settings: Settings;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly settings = new Map<string, Promise<Settings>>();
  private readonly failedRules = new Set<string>();

  constructor(
    private readonly settingsFor: (uri: string) => Settings | Promise<Settings>,
    private readonly logger: Logger,
    readonly decider: ReportDecider = new ReportDecider(),
  ) {}

  /** The settings of the document's folder, read once per document until `clear`. */
  settingsOf(uri: string): Promise<Settings> {
    let pending = this.settings.get(uri);
    if (!pending) {
      pending = Promise.resolve()
        .then(() => this.settingsFor(uri))
        .catch((error: unknown) => {
          this.logger.error(`读取设置失败（${uri}）：${String(error)}`);
          return DEFAULT_SETTINGS;
        });
      this.settings.set(uri, pending);
    }
    return pending;
  }

  /** The analysis of the document's current text (it is read after the settings arrive, so a newer version wins). */
  async get(document: ServiceDocument): Promise<Entry> {
    const settings = await this.settingsOf(document.uri);
    return this.analyse(document, settings);
  }

  /** The analysis of a report, or null for a document that is not one. */
  async report(document: ServiceDocument): Promise<Entry | null> {
    const entry = await this.get(document);
    return entry.isReport ? entry : null;
  }

  private analyse(document: ServiceDocument, settings: Settings): Entry {
    const cached = this.entries.get(document.uri);
    const text = document.getText();
    if (cached && cached.version === document.version && cached.text === text && cached.settings === settings) return cached;
    const result = analyseReport(text, {
      ...analyzeOptionsFrom(settings, formatForDocument(document.uri, document.languageId)),
      previous: cached?.result,
      onRuleError: (ruleId, error) => {
        if (this.failedRules.has(ruleId)) return;
        this.failedRules.add(ruleId);
        this.logger.error(`规则 ${ruleId} 出错，已跳过：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    });
    const isReport = this.decider.isReport(document.uri, result.looksLikeReport, settings.files);
    const entry: Entry = { version: document.version, text, result, isReport, settings };
    this.entries.set(document.uri, entry);
    return entry;
  }

  /** Analyse the document again (it was just marked as a report). */
  invalidate(uri: string): void {
    this.entries.delete(uri);
  }

  /** A closed document: nothing of it is kept. */
  forget(uri: string): void {
    this.entries.delete(uri);
    this.settings.delete(uri);
  }

  /** The settings changed: read them again, analyse again. */
  clear(): void {
    this.entries.clear();
    this.settings.clear();
  }
}
