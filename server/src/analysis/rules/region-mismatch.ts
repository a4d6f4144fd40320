import regionData from '../data/regions.json';
import { LineKind } from '../parse';
import type { RawFinding, Rule, RuleContext } from './rule';

interface Region {
  province: string;
  /** The city's short name, or null for the province itself. */
  city: string | null;
}

const data = regionData as { provinces: { name: string; short: string; cities: string[] }[]; fixedExpressions: string[] };

// Every region name with its administrative suffix: 陕西省, 西安市, 延边州, 兴安盟, 广西壮族自治区 (or 广西自治区).
const NAMES = new Map<string, Region>();
for (const p of data.provinces) {
  NAMES.set(p.name, { province: p.short, city: null });
  if (p.name.endsWith('自治区') && p.name !== `${p.short}自治区`) NAMES.set(`${p.short}自治区`, { province: p.short, city: null });
  for (const city of p.cities) {
    for (const suffix of ['市', '州', '地区', '盟']) NAMES.set(city + suffix, { province: p.short, city });
  }
}
const NAME_RE = new RegExp([...NAMES.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');
const FIXED_RE = new RegExp(data.fixedExpressions.join('|'), 'g');
// The report speaks of its own work: a programme of that region, or a verb that carries one out.
const PROGRAMME_AFTER = /^(?:法治政府建设|法治建设|法治|依法治|政府|人民政府|委员会|党委|省委|市委|工作要点|实施方案|决策部署|要求|部署)/;
const CARRY_OUT_BEFORE = /(?:实施|落实|贯彻|执行|按照|根据|依据|印发|出台|推进|全面)[^，。；,;]{0,2}$/;
// Visits, exchanges and help involve another region by nature.
const EXCHANGE_BEFORE = /(?:赴|到|与|同|和|向|来自|援|支援|学习|借鉴|参照|考察|对接|协作)[^，。；,;]{0,4}$/;

function regionsIn(text: string): Region[] {
  const found: Region[] = [];
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(text); m; m = NAME_RE.exec(text)) found.push(NAMES.get(m[0])!);
  return found;
}

/** The report's own provinces and cities: from its title, addressee, opening and signature, else from the documents it cites. */
export function ownRegion({ doc, structure }: RuleContext): { provinces: Set<string>; cities: Set<string> } {
  const parts: string[] = [];
  if (structure.title) parts.push(doc.norm.slice(structure.title.start, structure.title.end));
  if (structure.addressee) parts.push(doc.norm.slice(structure.addressee.start, structure.addressee.end));
  if (structure.signature) parts.push(doc.norm.slice(structure.signature.start, structure.signature.end));
  const firstHeading = structure.headings[0]?.line ?? Math.min(doc.lineCount, 5);
  for (let l = 0; l < firstHeading; l++) parts.push(doc.lines[l].norm.replace(/《[^《》]*》/g, ''));
  let regions = regionsIn(parts.join('\n'));
  if (regions.length === 0) {
    // Only cited documents name it (《信阳市2021年法治政府工作要点》): the province most cited.
    const cited = regionsIn((doc.norm.match(/《[^《》]*》/g) ?? []).join('\n'));
    const counts = new Map<string, number>();
    for (const r of cited) counts.set(r.province, (counts.get(r.province) ?? 0) + 1);
    const top = Math.max(0, ...counts.values());
    regions = cited.filter((r) => counts.get(r.province) === top);
  }
  return {
    provinces: new Set(regions.map((r) => r.province)),
    cities: new Set(regions.filter((r) => r.city).map((r) => r.city!)),
  };
}

export const regionMismatch: Rule = {
  id: 'region-mismatch',
  severity: 'warning',
  description: '正文中出现其他省市的名称，疑似从其他地区的报告中遗留',
  check(ctx) {
    const own = ownRegion(ctx);
    if (own.provinces.size === 0) return [];
    const { doc, parsed, structure } = ctx;
    const findings: RawFinding[] = [];
    const skip = new Set([structure.title?.line, structure.addressee?.line]);
    for (const line of doc.lines) {
      if (line.index > structure.lastContentLine) break;
      if (parsed.kinds[line.index] !== LineKind.Prose || skip.has(line.index)) continue;
      const text = line.norm.replace(/《[^《》]*》/g, (m) => ' '.repeat(m.length)).replace(FIXED_RE, (m) => ' '.repeat(m.length));
      NAME_RE.lastIndex = 0;
      for (let m = NAME_RE.exec(text); m; m = NAME_RE.exec(text)) {
        const region = NAMES.get(m[0])!;
        const foreign = !own.provinces.has(region.province) || (region.city !== null && own.cities.size > 0 && !own.cities.has(region.city));
        if (!foreign) continue;
        const before = text.slice(0, m.index);
        const after = text.slice(m.index + m[0].length);
        if (EXCHANGE_BEFORE.test(before) || !(PROGRAMME_AFTER.test(after) || CARRY_OUT_BEFORE.test(before))) continue;
        const start = line.start + m.index;
        const ownName = [...own.provinces].join('、');
        findings.push({
          start,
          end: start + m[0].length,
          message: `疑似从其他地区报告中遗留：本报告属${ownName}，此处写“${doc.text.slice(start, Math.min(line.end, start + m[0].length + 8))}”`,
        });
      }
    }
    return findings;
  },
};
