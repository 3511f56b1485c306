import { agreements, cities, countries, localePaths, locales } from '../api/build';
import type { Agreement, City } from '../api/client';

/** What every page of one locale shows around its content, fetched once per locale and build. */
export interface SiteData {
  defaultLocale: string;
  locales: string[];
  cities: City[];
  agreements: Agreement[];
  countryNames: Record<string, string>;
}

const cache = new Map<string, Promise<SiteData>>();

export function siteData(locale: string): Promise<SiteData> {
  let data = cache.get(locale);
  if (!data) {
    data = load(locale);
    cache.set(locale, data);
  }
  return data;
}

async function load(locale: string): Promise<SiteData> {
  const [all, cityList, agreementList, countryList] = await Promise.all([
    locales(),
    cities(locale),
    agreements(locale),
    countries(locale),
  ]);
  return {
    defaultLocale: all.default,
    locales: [all.default, ...all.items.filter((other) => other !== all.default)],
    cities: cityList,
    agreements: agreementList,
    countryNames: Object.fromEntries(countryList.map((country) => [country.code, country.name])),
  };
}

export { localePaths };
