import * as OpenCC from 'opencc-js/t2cn';

// Characters that appear in almost any Traditional text about government work
// and never in a Simplified one (著 is left out: it is Simplified too).
const TRADITIONAL_HINT =
  /[國會說這為與們關發將對時於區縣數據項體條機經務員門開問間來個從產業處長書農當實現點進動應過還議黨際審職權責決規範執監訴訟調紛糾辦財稅環營標準貫徹創級組織領導幹學習設計劃稱價歷屆萬億資訊網絡併彙報顯勢態質優簡專醫療險礙難題聽證廣聯繫歸類運檢測驗護衛視齊負擔讓舉鑑積極續線構層鄉鎮勵獎懲罰則]/;

let converter: ((text: string) => string) | undefined;

function convert(text: string): string {
  // Character converters only: the phrase converter (twp) changes lengths.
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter(text);
}

export function looksTraditional(text: string): boolean {
  return TRADITIONAL_HINT.test(text);
}

/**
 * A simplified view of the text with exactly the same length, so that every
 * offset found in it is an offset of the original. Simplified text is returned
 * as it is, without running the converter.
 */
export function toSimplified(text: string): string {
  if (!looksTraditional(text)) return text;
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  return text.split(/(?<=\n)/).map(convertLineKeepingLength).join('');
}

function convertLineKeepingLength(line: string): string {
  const converted = convert(line);
  if (converted.length === line.length) return converted;
  let out = '';
  for (const ch of line) {
    const one = convert(ch);
    out += one.length === ch.length ? one : ch;
  }
  return out;
}
