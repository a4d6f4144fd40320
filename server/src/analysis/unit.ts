// Who wrote a report and by when it was due: the reporting unit from the title
// (or the signature), whether it is a government or a department, the date
// under the signature, and the deadline of 《法治政府建设与责任落实督察工作规定》
// as the reviewer applies it: departments report by 3月1日, governments by
// 4月1日 of the year after the report year.
import { parseChineseDigits, parseChineseInteger } from './numerals';
import { maskBookTitles } from './year';
import { toSimplified } from './normalize';
import unitData from './data/units.json';

export type UnitKind = 'government' | 'department';

// A government: the people's government, or the 管委会 of a zone (the zone's own report).
const GOVERNMENT_ENDS: string[] = unitData.governmentEnds;
// A department of a government; 委员会 ends a commission (发展和改革委员会) but not 管理委员会, tried first.
const DEPARTMENT_ENDS: string[] = unitData.departmentEnds;
// A report named after a place or a zone is its government's (静海区, 苏锡通园区).
const PLACE_ENDS: string[] = unitData.placeEnds;

/**
 * A name in simplified characters. toSimplified converts only a text that
 * shows Traditional characters it knows (a whole report always does); a short
 * name may not (江蘇省), so one such character is added and taken off again.
 */
export function simplifiedName(name: string): string {
  return toSimplified(name + '國').slice(0, -1);
}

/** The kind of a unit by how its name ends; null when the name does not say. */
export function unitKind(unit: string | null): UnitKind | null {
  if (!unit) return null;
  const name = simplifiedName(unit);
  if (GOVERNMENT_ENDS.some((e) => name.endsWith(e))) return 'government';
  if (DEPARTMENT_ENDS.some((e) => name.endsWith(e))) return 'department';
  if (PLACE_ENDS.some((e) => name.endsWith(e))) return 'government';
  return null;
}

const STOP_WORDS = ['关于', '法治政府建设', '法治建设', '依法行政', '法治政府'];
const YEAR_AT = /(?:19|20)\d{2}\s*年|[〇零一二三四五六七八九]{4}年/;
const LEADING_YEAR = /^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年度?/;

/** Keeps a name: CJK and ASCII letters, no spaces or marks at either end. */
function clean(name: string): string {
  let s = name.replace(/[\s\u3000*_#]+/g, '');
  while (s && /[，,、：:；;（(《“"—\-]$/.test(s)) s = s.slice(0, -1);
  while (s && /^[，,、：:；;）)》”"—\-]/.test(s)) s = s.slice(1);
  return s;
}

/** The unit a title names: before 关于, the year or 法治政府建设 (`示例区人民政府关于2023年度…` → 示例区人民政府). */
export function unitFromTitle(title: string): string | null {
  // Read in the simplified view (same length), cut from the title as written.
  let text = title.replace(/\s+/g, '');
  let norm = maskBookTitles(simplifiedName(text));
  const lead = LEADING_YEAR.exec(norm);
  if (lead) {
    text = text.slice(lead[0].length);
    norm = norm.slice(lead[0].length);
  }
  let cut = norm.length;
  for (const w of STOP_WORDS) {
    const at = norm.indexOf(w);
    if (at >= 0 && at < cut) cut = at;
  }
  const year = YEAR_AT.exec(norm);
  if (year && year.index < cut) cut = year.index;
  const name = clean(text.slice(0, cut));
  // 中共某县委 某县人民政府: two units issuing together; the government is the one reporting.
  return name.length >= 2 && name.length <= 40 ? name : null;
}

const DATE = /((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/;

export interface SignatureReading {
  unit: string | null;
  date: string | null;
}

function numeral(raw: string): number | null {
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw.length === 4 && !/[十]/.test(raw) ? parseChineseDigits(raw) : parseChineseInteger(raw);
}

/** `2024-03-01` from `2024年3月1日` or `二〇二四年三月一日`; null when it is no valid date. */
export function parseDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const year = numeral(m[1]);
  const month = numeral(m[2]);
  const day = numeral(m[3]);
  if (year === null || month === null || day === null || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The unit and date of the signature block (`示例区人民政府 2024年3月1日`). */
export function readSignature(text: string | null): SignatureReading {
  if (!text) return { unit: null, date: null };
  const date = parseDate(text);
  const m = DATE.exec(text);
  const rest = m ? text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) : text;
  // Several signing units stand on one line separated by spaces: the last is the government.
  const names = rest
    .split(/[\s\u3000]+/)
    .map(clean)
    .filter((s) => s.length >= 2 && !/^[（(]?$/.test(s));
  return { unit: names.length ? names[names.length - 1] : null, date };
}

export interface UnitReading {
  unit: string | null;
  source: 'title' | 'signature' | null;
  kind: UnitKind | null;
}

/** The title's unit, unless the title says nothing of its kind and the signature does. */
export function readUnit(title: string | null, signatureUnit: string | null): UnitReading {
  const fromTitle = title ? unitFromTitle(title) : null;
  const titleKind = unitKind(fromTitle);
  const signatureKind = unitKind(signatureUnit);
  if (fromTitle && (titleKind || !signatureKind)) return { unit: fromTitle, source: 'title', kind: titleKind };
  if (signatureUnit) return { unit: signatureUnit, source: 'signature', kind: signatureKind };
  return { unit: fromTitle, source: fromTitle ? 'title' : null, kind: titleKind };
}

export interface Deadline {
  /** The last day to report, `YYYY-MM-DD`. */
  deadline: string | null;
  /** null: the date, the year or the kind is unknown. */
  met: boolean | null;
}

/** Departments by 3月1日, governments by 4月1日 of the year after the report year, that day included (“3月1日前”). */
export function deadlineFor(kind: UnitKind | null, reportYear: number | null, date: string | null): Deadline {
  if (!kind || reportYear === null) return { deadline: null, met: null };
  const deadline = `${reportYear + 1}-${unitData.deadlines[kind]}`;
  return { deadline, met: date === null ? null : date <= deadline };
}

/** The unit's name and the short forms a report uses for itself (示例区人民政府 → 示例区), simplified. */
export function nameVariants(name: string | null): string[] {
  if (!name) return [];
  // Compared with the simplified view of the text.
  const unit = simplifiedName(name);
  const out = new Set<string>([unit]);
  // The longest ending only: 示例区人民政府 → 示例区, not also 示例区人民.
  const end = [...GOVERNMENT_ENDS, '党工委', '工委'].sort((a, b) => b.length - a.length).find((e) => unit.endsWith(e) && unit.length - e.length >= 2);
  if (end) out.add(unit.slice(0, -end.length));
  return [...out].sort((a, b) => b.length - a.length);
}
