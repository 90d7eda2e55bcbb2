// Radicals and compatibility ideographs in a text layer, read as the
// ideographs they stand for. A font draws 一 and ⼀ (KANGXI RADICAL ONE) with
// one glyph, and a PDF's Unicode map names the glyph by whichever code point
// the producer met first: Chromium's print to PDF (Skia's Type 3 fonts), some
// WPS and macOS exports give ⼀、 for 一、, ⼗⼆个 for 十二个, 部⻔ for 部门,
// 2023年12⽉31⽇ for 2023年12月31日 — no marker, no numeral, no date reads.

/**
 * The CJK Radicals Supplement (U+2E81–U+2EF3) by the Unicode Character
 * Database's Equivalent_Unified_Ideograph (EquivalentUnifiedIdeograph.txt,
 * Ken Lunde), pairs of radical and ideograph. Radicals whose ideograph lies
 * outside the Basic Multilingual Plane are left as they are: each character
 * keeps its one UTF-16 unit, so offsets into a text item stay right.
 */
const SUPPLEMENT = `
2E81 5382 2E82 4E5B 2E83 4E5A 2E84 4E59 2E85 4EBB 2E86 5182 2E88 5200 2E89 5202 2E8A 535C 2E8B 353E
2E8C 5C0F 2E8D 5C0F 2E8E 5140 2E8F 5C23 2E90 5C22 2E92 5DF3 2E93 5E7A 2E94 5F51 2E95 5F50 2E96 5FC4
2E97 5FC3 2E98 624C 2E99 6535 2E9B 65E1 2E9C 65E5 2E9D 6708 2E9E 6B7A 2E9F 6BCD 2EA0 6C11 2EA1 6C35
2EA2 6C3A 2EA3 706C 2EA4 722B 2EA5 722B 2EA6 4E2C 2EA7 725B 2EA8 72AD 2EA9 738B 2EAB 76EE 2EAC 793A
2EAD 793B 2EAF 7CF9 2EB0 7E9F 2EB1 7F53 2EB2 7F52 2EB3 34C1 2EB4 5197 2EB6 7F8A 2EB9 8002 2EBA 8080
2EBB 807F 2EBC 8089 2EBE 8279 2EBF 8279 2EC0 8279 2EC1 864E 2EC2 8864 2EC3 8980 2EC4 897F 2EC5 89C1
2EC6 89D2 2EC8 8BA0 2EC9 8D1D 2ECB 8F66 2ECC 8FB6 2ECD 8FB6 2ECE 8FB6 2ECF 9091 2ED0 9485 2ED1 9577
2ED2 9578 2ED3 957F 2ED4 95E8 2ED6 961D 2ED7 96E8 2ED8 9752 2ED9 97E6 2EDA 9875 2EDB 98CE 2EDC 98DE
2EDD 98DF 2EDF 98E0 2EE0 9963 2EE2 9A6C 2EE3 9AA8 2EE4 9B3C 2EE5 9C7C 2EE6 9E1F 2EE7 5364 2EE8 9EA6
2EE9 9EC4 2EEA 9EFE 2EEB 6589 2EEC 9F50 2EED 6B6F 2EEE 9F7F 2EEF 7ADC 2EF0 9F99 2EF1 9F9C 2EF2 4E80
2EF3 9F9F`;

const SUPPLEMENT_MAP: ReadonlyMap<string, string> = (() => {
  const hex = SUPPLEMENT.trim().split(/\s+/);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < hex.length; i += 2) {
    map.set(String.fromCharCode(parseInt(hex[i]!, 16)), String.fromCharCode(parseInt(hex[i + 1]!, 16)));
  }
  return map;
})();

/**
 * Kangxi radicals (U+2F00–U+2FD5) and CJK compatibility ideographs
 * (U+F900–U+FAFF) have their ideograph as their NFKC form; the supplement's
 * radicals by the table. One Kangxi radical is drawn in simplified-Chinese
 * fonts with the simplified ideograph's glyph, not its NFKC form's: ⼾ (NFKC
 * 戶) shares its glyph with 户 in Noto CJK SC (read from the fonts' cmaps),
 * and 戶 is no word of a simplified-Chinese report — 3,215户 read as 3,215戶
 * has no classifier.
 */
const SC_GLYPH: ReadonlyMap<string, string> = new Map([['\u2f3e', '\u6237']]);

const FOLDABLE = /[\u2e81-\u2ef3\u2f00-\u2fd5\uf900-\ufaff]/g;

/** The text with every radical or compatibility ideograph that stands for an ideograph replaced by it. */
export function unifyIdeographs(text: string): string {
  if (!/[\u2e81-\u2ef3\u2f00-\u2fd5\uf900-\ufaff]/.test(text)) return text;
  return text.replace(FOLDABLE, (ch) => {
    const mapped = SUPPLEMENT_MAP.get(ch) ?? SC_GLYPH.get(ch) ?? ch.normalize('NFKC');
    // One unit for one: a mapping out of the Basic Multilingual Plane would shift every offset after it.
    return mapped.length === 1 ? mapped : ch;
  });
}
