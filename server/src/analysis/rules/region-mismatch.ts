import regionData from '../data/regions.json';
import { LineKind } from '../parse';
import { maskBookTitles } from '../year';
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
const LONGEST_NAME = Math.max(...[...NAMES.keys()].map((n) => n.length));
// The last two characters of every name: 园区 or 我区 end no name, and are passed over at once.
const ENDINGS = new Set([...NAMES.keys()].map((n) => n.slice(-2)));
// Every name ends with one of these: scanning for them is cheaper than trying ~1,400 names at each character.
const SUFFIX_END = /[省市州盟区]/g;
const FIXED_RE = new RegExp(data.fixedExpressions.join('|'), 'g');
// The report speaks of its own work: a programme of that region, or a verb that carries one out.
const PROGRAMME_AFTER = /^(?:法治政府建设|法治建设|法治|依法治|政府|人民政府|委员会|党委|省委|市委|工作要点|实施方案|决策部署|要求|部署)/;
const CARRY_OUT_BEFORE = /(?:实施|落实|贯彻|执行|按照|根据|依据|印发|出台|推进|全面)[^，。；,;]{0,2}$/;
// Visits, exchanges and help involve another region by nature.
const EXCHANGE_BEFORE = /(?:赴|到|与|同|和|向|来自|援|支援|学习|借鉴|参照|考察|对接|协作)[^，。；,;]{0,4}$/;

/** Region names in the text, longest first at each end position, without overlaps. */
function namesIn(text: string): { start: number; name: string; region: Region }[] {
  const found: { start: number; name: string; region: Region }[] = [];
  SUFFIX_END.lastIndex = 0;
  let taken = 0;
  for (let m = SUFFIX_END.exec(text); m; m = SUFFIX_END.exec(text)) {
    const end = m.index + 1;
    if (!ENDINGS.has(text.slice(end - 2, end))) continue;
    for (let length = Math.min(LONGEST_NAME, end - taken); length >= 2; length--) {
      const name = text.slice(end - length, end);
      const region = NAMES.get(name);
      if (region) {
        found.push({ start: end - length, name, region });
        taken = end;
        break;
      }
    }
  }
  return found;
}

function regionsIn(text: string): Region[] {
  return namesIn(text).map((n) => n.region);
}

/** The report's own provinces and cities: from its title, addressee, opening and signature, else from the documents it cites. */
export function ownRegion({ doc, structure }: RuleContext): { provinces: Set<string>; cities: Set<string> } {
  const parts: string[] = [];
  if (structure.title) parts.push(doc.norm.slice(structure.title.start, structure.title.end));
  if (structure.addressee) parts.push(doc.norm.slice(structure.addressee.start, structure.addressee.end));
  if (structure.signature) parts.push(doc.norm.slice(structure.signature.start, structure.signature.end));
  const firstHeading = structure.headings[0]?.line ?? Math.min(doc.lineCount, 5);
  for (let l = 0; l < firstHeading; l++) parts.push(maskBookTitles(doc.lines[l].norm));
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
  title: '其他地区名称',
  severity: 'warning',
  description: '正文中出现其他省市的名称，疑似从其他地区的报告中遗留',
  tags: ['leftovers'],
  check(ctx) {
    const own = ownRegion(ctx);
    if (own.provinces.size === 0) return [];
    const { doc, parsed, structure } = ctx;
    const findings: RawFinding[] = [];
    const skip = new Set([structure.title?.line, structure.addressee?.line]);
    for (const line of doc.lines) {
      if (line.index > structure.lastContentLine) break;
      if (parsed.kinds[line.index] !== LineKind.Prose || skip.has(line.index)) continue;
      if (!/[省市州盟区]/.test(line.norm) || namesIn(line.norm).length === 0) continue;
      const text = maskBookTitles(line.norm).replace(FIXED_RE, (m) => ' '.repeat(m.length));
      for (const m of namesIn(text)) {
        const region = m.region;
        const foreign = !own.provinces.has(region.province) || (region.city !== null && own.cities.size > 0 && !own.cities.has(region.city));
        if (!foreign) continue;
        const before = text.slice(Math.max(0, m.start - 12), m.start);
        const after = text.slice(m.start + m.name.length, m.start + m.name.length + 12);
        if (EXCHANGE_BEFORE.test(before) || !(PROGRAMME_AFTER.test(after) || CARRY_OUT_BEFORE.test(before))) continue;
        const start = line.start + m.start;
        const ownName = [...own.provinces].join('、');
        findings.push({
          start,
          end: start + m.name.length,
          message: `疑似从其他地区报告中遗留：本报告属${ownName}，此处写“${doc.text.slice(start, Math.min(line.end, start + m.name.length + 8))}”`,
        });
      }
    }
    return findings;
  },
};
