/** The language a city's native name is most likely written in, from its country, for the name's lang. */
const BY_COUNTRY: Record<string, string> = {
  CN: 'zh',
  TW: 'zh',
  HK: 'zh',
  JP: 'ja',
  KR: 'ko',
  RU: 'ru',
  VN: 'vi',
};

export function nativeLang(country: string): string | undefined {
  return BY_COUNTRY[country];
}
