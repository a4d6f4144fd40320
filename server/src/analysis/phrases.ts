// The phrase bank (data/phrases.json, with pinyin computed at build time).
import generated from './data/phrases.generated.json';

export type PhrasePart = 'opening' | 'measures' | 'firstResponsible' | 'problems' | 'nextYear' | 'closing';

export interface Phrase {
  part: PhrasePart;
  label: string;
  text: string;
  /** Pinyin initials of the Chinese characters: 坚持以… → jcy… */
  initials: string;
  /** Full pinyin without tones or spaces: jianchiyi… */
  pinyin: string;
}

export const PHRASES: readonly Phrase[] = generated as Phrase[];
