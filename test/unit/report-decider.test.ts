import { describe, expect, it } from 'vitest';
import { ReportDecider } from '../../server/src/lsp/reports';

describe('which open documents the server treats as reports', () => {
  it('takes files matching the fazhiReport.files globs, relative to a workspace folder or by name', () => {
    const decider = new ReportDecider();
    decider.setWorkspaceFolders(['file:///home/writer/reports']);
    decider.setGlobs(['drafts/**/*.txt', '*法治政府建设*.md']);
    expect(decider.isReport('file:///home/writer/reports/drafts/2024/a.txt', false)).toBe(true);
    expect(decider.isReport('file:///home/writer/reports/2024年法治政府建设情况报告.md', false)).toBe(true);
    expect(decider.isReport('file:///home/writer/reports/notes.md', false)).toBe(false);
    expect(decider.isReport('file:///elsewhere/drafts/a.txt', false)).toBe(false);
  });

  it('takes a document the user checked, or one that looks like a report, and nothing else', () => {
    const decider = new ReportDecider();
    expect(decider.isReport('untitled:1', false)).toBe(false);
    expect(decider.isReport('untitled:1', true)).toBe(true);
    decider.markChecked('untitled:1');
    expect(decider.isReport('untitled:1', false)).toBe(true);
    expect(decider.isReport('untitled:2', false)).toBe(false);
  });
});
