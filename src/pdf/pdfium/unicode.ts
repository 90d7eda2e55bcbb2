// pdf.js's normalizeUnicode (getTextContent without disableNormalization):
// compatibility characters folded by NFKC — no-break and typographic spaces,
// ligatures, Arabic presentation forms — so that both engines give the same
// strings. CJK compatibility ideographs and Kangxi radicals are left alone,
// as pdf.js leaves them.
const NORMALIZE =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40\ufb41\ufb43\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;

export function normalizeUnicode(str: string): string {
  return str.replace(NORMALIZE, (_, p1: string | undefined, p2: string | undefined) =>
    p1 ? p1.normalize('NFKC') : 'ſt'.repeat(p2?.length ?? 0),
  );
}
