// What a comment says: a finding's severity, message, the arithmetic of a figure and the fix; the
// summary of the report on its title. And the XML of word/comments.xml.
import type { CoreFinding } from '../analysis/analyze';
import type { Relation } from '../analysis/numbers';
import type { SectionEntry } from '../analysis/sections';
import { REGULATION_ORDER } from '../analysis/skeleton';
import type { Analysis, Severity } from '../analysis/types';

export const AUTHOR = '法治报告检查';
export const INITIALS = '检查';

const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** The paragraphs of one finding's comment. */
export function findingComment(finding: CoreFinding, relations: readonly Relation[]): string[] {
  const lines = [`【${SEVERITY[finding.severity]}】${finding.message}`];
  // The relations this figure is the anchor of: the failing ones, else all (a rule may judge one that holds on another reading).
  const here = relations.filter((r) => r.anchor.start === finding.start && r.anchor.end === finding.end);
  const shown = here.some((r) => !r.holds) ? here.filter((r) => !r.holds) : here;
  for (const r of shown) {
    lines.push(`算式：${r.explanation}`);
    // Every reading tried, as the hover shows them, when there was more than one.
    if (r.readings.length > 1) for (const reading of r.readings) lines.push(`读法：${reading}`);
  }
  if (finding.fix) lines.push(`建议：${finding.fix.title}`);
  lines.push(`规则：${finding.rule}`);
  return lines;
}

const STATE = { heading: '✓', paragraph: '⚠', missing: '✗' } as const;

/**
 * The summary on the title: the parts the regulation asks for, found (✓ as a heading, ⚠ only as a
 * paragraph or sentence) or missing (✗), and the findings by severity. `paragraphOf` turns a line
 * of the text into 第N段.
 */
export function summaryComment(analysis: Analysis, catalogue: readonly SectionEntry[], paragraphOf: (line: number) => number | null, notAnchored: string[]): string[] {
  const count = { error: 0, warning: 0, info: 0 };
  for (const f of analysis.findings) count[f.severity]++;
  const lines = [`【检查摘要】错误 ${count.error} 处，警告 ${count.warning} 处，提示 ${count.info} 处`];
  lines.push(`报告年度：${analysis.reportYear !== null ? `${analysis.reportYear} 年` : '未能确定'}`);
  lines.push('必备部分：');
  for (const key of REGULATION_ORDER) {
    const entry = catalogue.find((e) => e.key === key);
    if (!entry) continue;
    const found = analysis.sections[key];
    if (!found) {
      lines.push(`${STATE.missing} ${entry.name}${entry.required ? '（缺少）' : '（本报告不要求）'}`);
      continue;
    }
    const at = paragraphOf(found.range.start.line);
    const where = at !== null ? `，第 ${at} 段` : '';
    lines.push(found.asHeading ? `${STATE.heading} ${entry.name}（有标题${where}）` : `${STATE.paragraph} ${entry.name}（仅以段落或句子出现${where}）`);
  }
  if (notAnchored.length) {
    lines.push(`另有 ${notAnchored.length} 处问题在脚注、尾注等正文以外的位置，无法加批注：`);
    lines.push(...notAnchored);
  }
  return lines;
}

/** Text for XML content: markup characters escaped, characters XML 1.0 cannot hold dropped. */
export function escapeXml(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (c === 9 || c === 10 || c === 13 || (c >= 0x20 && c !== 0xfffe && c !== 0xffff && !(c >= 0xd800 && c <= 0xdfff))) out += ch;
  }
  return out;
}

/** One w:comment, its first paragraph opening with the annotation mark Word writes there. */
export function commentXml(id: number, paragraphs: string[], prefix: string, namespace: string): string {
  const p = prefix || 'w';
  const declare = prefix ? '' : ` xmlns:w="${namespace}"`;
  const body = paragraphs
    .map((text, i) => `<${p}:p>${i === 0 ? `<${p}:r><${p}:annotationRef/></${p}:r>` : ''}<${p}:r><${p}:t xml:space="preserve">${escapeXml(text)}</${p}:t></${p}:r></${p}:p>`)
    .join('');
  return `<${p}:comment${declare} ${p}:id="${id}" ${p}:author="${AUTHOR}" ${p}:initials="${INITIALS}">${body}</${p}:comment>`;
}
