// organizationKey: one key for one unit however a report writes its name,
// never one key for two units (contract: Organisation keys).
import { ABBREVIATIONS, AMBIGUOUS_PLACES, CITY_PLACES, PROVINCE } from '../vocab/organizations.ts';
import { UNIT_QUALIFIER } from '../vocab/covers.ts';

const CITY_OF = new Map(
  Object.entries(CITY_PLACES).flatMap(([city, places]) =>
    places.filter((p) => !AMBIGUOUS_PLACES.has(p)).map((p) => [p, city] as const),
  ),
);
const CITIES = Object.keys(CITY_PLACES);
const SHORT_FORMS = [...ABBREVIATIONS].sort((a, b) => b[0].length - a[0].length);

/**
 * One key for one unit however the report writes its name: 岳阳楼区市场监管局,
 * 岳阳市岳阳楼区市场监督管理局 and 湖南省岳阳市岳阳楼区市场监督管理局 are all
 * 岳阳市岳阳楼区市场监督管理局. Spaces and the (盖章) note go, a province before
 * its city goes, short forms are written out (src/vocab/organizations.ts), and a
 * county or district named without its city gets it when the name is
 * unambiguous. Nothing else changes, so two different units keep two keys.
 */
export function organizationKey(organization: string | null): string | null {
  if (!organization) return null;
  let key = organization
    .replace(/\s+/g, '')
    .replace(/[（(]盖章[）)]/g, '')
    .replace(UNIT_QUALIFIER, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
  key = key.replace(PROVINCE, '');
  for (const [short, full] of SHORT_FORMS) {
    const at = key.lastIndexOf(short);
    // Only the body's own name at the end is written out (市场监管局 → 市场监督管理局), not a word inside a longer one.
    if (at >= 0 && at + short.length === key.length && !key.endsWith(full)) {
      key = key.slice(0, at) + full;
      break;
    }
  }
  if (!CITIES.some((c) => key.startsWith(c))) {
    for (const [place, city] of CITY_OF) {
      if (key.startsWith(place) && key.length > place.length) {
        key = city + key;
        break;
      }
    }
  }
  return key;
}
