import type { Rating } from '../api/client';

/** The site's own words (the API supplies the content). Every locale the API serves needs an entry. */
export interface Words {
  siteName: string;
  partnerCities: string;
  partnerCitiesIntro: string;
  language: string;
  skip: string;
  population: string;
  area: string;
  temperature: string;
  regionalFeatures: string;
  location: string;
  region: string;
  relationship: string;
  signedBy: string;
  notes: string;
  website: string;
  agreementType: Record<string, string>;
  agreementStatus: Record<string, string>;
  partnerCity: string;
  homeCity: string;
  citiesIn: (count: number) => string;
  agreementsOf: string;
  surveyTitle: string;
  surveyQuestion: string;
  rating: Record<Rating, string>;
  vote: string;
  result: string;
  resultHelp: string;
  participants: (count: number) => string;
  thanks: string;
  unreachable: string;
  voteFailed: string;
  noScript: string;
  footer: string;
}

const en: Words = {
  siteName: 'Bucheon International Relations',
  partnerCities: 'Partner cities',
  partnerCitiesIntro: 'Cities abroad that Bucheon is twinned with, by country.',
  language: 'Language',
  skip: 'Skip to content',
  population: 'Population',
  area: 'Area',
  temperature: 'Average temperature',
  regionalFeatures: 'Regional features',
  location: 'Location',
  region: 'Region',
  relationship: 'Relationship',
  signedBy: 'Signed by',
  notes: 'Notes',
  website: 'Website',
  agreementType: { SISTER_CITY: 'Sister city', FRIENDSHIP_CITY: 'Friendship city' },
  agreementStatus: { ACTIVE: 'Active', SUSPENDED: 'Suspended', ENDED: 'Ended' },
  partnerCity: 'Partner city',
  homeCity: 'Home city',
  citiesIn: (n) => (n === 1 ? '1 city' : `${n} cities`),
  agreementsOf: 'Agreements',
  surveyTitle: 'Satisfaction survey',
  surveyQuestion: 'How satisfied are you with the information on this page?',
  rating: {
    VERY_SATISFIED: 'Very satisfied',
    SATISFIED: 'Satisfied',
    AVERAGE: 'Average',
    UNSATISFIED: 'Unsatisfied',
    VERY_UNSATISFIED: 'Very unsatisfied',
  },
  vote: 'Submit rating',
  result: 'Result',
  resultHelp: 'score / participants',
  participants: (n) => (n === 1 ? '1 participant' : `${n} participants`),
  thanks: 'Thank you for your rating.',
  unreachable: 'The survey cannot be reached right now; please try again later.',
  voteFailed: 'Your rating could not be sent; please try again later.',
  noScript: 'Rating needs JavaScript; the result above is as of the last update of this site.',
  footer: 'Data from the Twinning API.',
};

const ko: Words = {
  ...en,
  siteName: '부천시 국제교류',
  partnerCities: '자매·우호도시',
  partnerCitiesIntro: '부천시와 자매·우호 관계를 맺은 해외 도시를 나라별로 소개합니다.',
  language: '언어',
  skip: '본문 바로가기',
  population: '인구',
  area: '면적',
  temperature: '평균 기온',
  regionalFeatures: '지역 특성',
  location: '위치',
  region: '지역',
  relationship: '관계',
  signedBy: '서명',
  notes: '비고',
  website: '누리집',
  agreementType: { SISTER_CITY: '자매도시', FRIENDSHIP_CITY: '우호도시' },
  agreementStatus: { ACTIVE: '교류 중', SUSPENDED: '중단', ENDED: '종료' },
  partnerCity: '상대 도시',
  homeCity: '우리 도시',
  citiesIn: (n) => `${n}개 도시`,
  agreementsOf: '협약',
  surveyTitle: '만족도 조사',
  surveyQuestion: '이 페이지의 정보에 얼마나 만족하십니까?',
  rating: { VERY_SATISFIED: '매우 만족', SATISFIED: '만족', AVERAGE: '보통', UNSATISFIED: '불만족', VERY_UNSATISFIED: '매우 불만족' },
  vote: '평가하기',
  result: '결과',
  resultHelp: '점수 / 참여자 수',
  participants: (n) => `참여 ${n}명`,
  thanks: '평가해 주셔서 감사합니다.',
  unreachable: '지금은 만족도 조사에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.',
  voteFailed: '평가를 보내지 못했습니다. 잠시 후 다시 시도해 주세요.',
  noScript: '평가하려면 JavaScript가 필요합니다. 위 결과는 사이트를 마지막으로 갱신한 때의 것입니다.',
  footer: 'Twinning API의 자료입니다.',
};

const zh: Words = {
  ...en,
  siteName: '富川市国际交流',
  partnerCities: '友好城市',
  partnerCitiesIntro: '按国家列出与富川市结好的海外城市。',
  language: '语言',
  skip: '跳到正文',
  population: '人口',
  area: '面积',
  temperature: '平均气温',
  regionalFeatures: '地区特色',
  location: '位置',
  region: '地区',
  relationship: '关系',
  signedBy: '签署人',
  notes: '备注',
  website: '网站',
  agreementType: { SISTER_CITY: '姐妹城市', FRIENDSHIP_CITY: '友好城市' },
  agreementStatus: { ACTIVE: '有效', SUSPENDED: '暂停', ENDED: '终止' },
  partnerCity: '对方城市',
  homeCity: '本市',
  citiesIn: (n) => `${n} 个城市`,
  agreementsOf: '协议',
  surveyTitle: '满意度调查',
  surveyQuestion: '您对本页信息的满意程度如何？',
  rating: { VERY_SATISFIED: '非常满意', SATISFIED: '满意', AVERAGE: '一般', UNSATISFIED: '不满意', VERY_UNSATISFIED: '非常不满意' },
  vote: '提交评价',
  result: '结果',
  resultHelp: '得分 / 参与人数',
  participants: (n) => `${n} 人参与`,
  thanks: '感谢您的评价。',
  unreachable: '暂时无法连接满意度调查，请稍后再试。',
  voteFailed: '评价未能发送，请稍后再试。',
  noScript: '评价需要启用 JavaScript；上面的结果为本站最后更新时的数据。',
  footer: '数据来自 Twinning API。',
};

const ja: Words = {
  ...en,
  siteName: '富川市 国際交流',
  partnerCities: '姉妹・友好都市',
  partnerCitiesIntro: '富川市と提携している海外の都市を国別に紹介します。',
  language: '言語',
  skip: '本文へ移動',
  population: '人口',
  area: '面積',
  temperature: '平均気温',
  regionalFeatures: '地域の特色',
  location: '位置',
  region: '地域',
  relationship: '関係',
  signedBy: '署名者',
  notes: '備考',
  website: 'ウェブサイト',
  agreementType: { SISTER_CITY: '姉妹都市', FRIENDSHIP_CITY: '友好都市' },
  agreementStatus: { ACTIVE: '交流中', SUSPENDED: '中断', ENDED: '終了' },
  partnerCity: '相手都市',
  homeCity: '本市',
  citiesIn: (n) => `${n} 都市`,
  agreementsOf: '協定',
  surveyTitle: '満足度調査',
  surveyQuestion: 'このページの情報にどの程度満足されましたか？',
  rating: { VERY_SATISFIED: 'とても満足', SATISFIED: '満足', AVERAGE: 'ふつう', UNSATISFIED: '不満', VERY_UNSATISFIED: 'とても不満' },
  vote: '評価を送信',
  result: '結果',
  resultHelp: '点数 / 参加者数',
  participants: (n) => `${n} 人が参加`,
  thanks: 'ご評価ありがとうございました。',
  unreachable: '現在、満足度調査に接続できません。しばらくしてからお試しください。',
  voteFailed: '評価を送信できませんでした。しばらくしてからお試しください。',
  noScript: '評価には JavaScript が必要です。上の結果はサイトの最終更新時点のものです。',
  footer: 'データは Twinning API から取得しています。',
};

const ru: Words = {
  ...en,
  siteName: 'Пучхон: международные связи',
  partnerCities: 'Города-партнёры',
  partnerCitiesIntro: 'Зарубежные города-побратимы Пучхона по странам.',
  language: 'Язык',
  skip: 'Перейти к содержанию',
  population: 'Население',
  area: 'Площадь',
  temperature: 'Средняя температура',
  regionalFeatures: 'Особенности региона',
  location: 'Расположение',
  region: 'Регион',
  relationship: 'Отношения',
  signedBy: 'Подписали',
  notes: 'Примечания',
  website: 'Сайт',
  agreementType: { SISTER_CITY: 'Город-побратим', FRIENDSHIP_CITY: 'Город дружбы' },
  agreementStatus: { ACTIVE: 'Действует', SUSPENDED: 'Приостановлено', ENDED: 'Прекращено' },
  partnerCity: 'Город-партнёр',
  homeCity: 'Наш город',
  citiesIn: (n) => `городов: ${n}`,
  agreementsOf: 'Соглашения',
  surveyTitle: 'Опрос удовлетворённости',
  surveyQuestion: 'Насколько вы довольны информацией на этой странице?',
  rating: {
    VERY_SATISFIED: 'Очень доволен',
    SATISFIED: 'Доволен',
    AVERAGE: 'Средне',
    UNSATISFIED: 'Не доволен',
    VERY_UNSATISFIED: 'Совсем не доволен',
  },
  vote: 'Отправить оценку',
  result: 'Итог',
  resultHelp: 'баллы / участники',
  participants: (n) => `участников: ${n}`,
  thanks: 'Спасибо за вашу оценку.',
  unreachable: 'Опрос сейчас недоступен; попробуйте позже.',
  voteFailed: 'Не удалось отправить оценку; попробуйте позже.',
  noScript: 'Для оценки нужен JavaScript; итог выше — на момент последнего обновления сайта.',
  footer: 'Данные из Twinning API.',
};

const vi: Words = {
  ...en,
  siteName: 'Quan hệ quốc tế Bucheon',
  partnerCities: 'Thành phố kết nghĩa',
  partnerCitiesIntro: 'Các thành phố nước ngoài kết nghĩa với Bucheon, theo quốc gia.',
  language: 'Ngôn ngữ',
  skip: 'Bỏ qua đến nội dung',
  population: 'Dân số',
  area: 'Diện tích',
  temperature: 'Nhiệt độ trung bình',
  regionalFeatures: 'Đặc điểm vùng',
  location: 'Vị trí',
  region: 'Vùng',
  relationship: 'Quan hệ',
  signedBy: 'Người ký',
  notes: 'Ghi chú',
  website: 'Trang web',
  agreementType: { SISTER_CITY: 'Thành phố kết nghĩa', FRIENDSHIP_CITY: 'Thành phố hữu nghị' },
  agreementStatus: { ACTIVE: 'Đang hiệu lực', SUSPENDED: 'Tạm dừng', ENDED: 'Đã kết thúc' },
  partnerCity: 'Thành phố đối tác',
  homeCity: 'Thành phố nhà',
  citiesIn: (n) => `${n} thành phố`,
  agreementsOf: 'Thỏa thuận',
  surveyTitle: 'Khảo sát mức độ hài lòng',
  surveyQuestion: 'Bạn hài lòng thế nào với thông tin trên trang này?',
  rating: {
    VERY_SATISFIED: 'Rất hài lòng',
    SATISFIED: 'Hài lòng',
    AVERAGE: 'Bình thường',
    UNSATISFIED: 'Không hài lòng',
    VERY_UNSATISFIED: 'Rất không hài lòng',
  },
  vote: 'Gửi đánh giá',
  result: 'Kết quả',
  resultHelp: 'điểm / người tham gia',
  participants: (n) => `${n} người tham gia`,
  thanks: 'Cảm ơn bạn đã đánh giá.',
  unreachable: 'Hiện không kết nối được khảo sát; vui lòng thử lại sau.',
  voteFailed: 'Không gửi được đánh giá; vui lòng thử lại sau.',
  noScript: 'Cần JavaScript để đánh giá; kết quả trên là tại lần cập nhật trang gần nhất.',
  footer: 'Dữ liệu từ Twinning API.',
};

const WORDS: Record<string, Words> = { en, ko, zh, ja, ru, vi };

/** The site's words in a locale (English for a locale the site has no words for yet). */
export function words(locale: string): Words {
  return WORDS[locale] ?? WORDS[locale.split('-')[0] ?? ''] ?? en;
}

/** The name of a locale in its own language, for the language switcher. */
export function localeName(locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
}

/** Site paths: the default locale at the root, every other under /{locale}/. */
export function href(locale: string, defaultLocale: string, path = ''): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  const prefix = locale === defaultLocale ? '' : `/${locale}`;
  return `${prefix}/${trimmed ? trimmed + '/' : ''}`;
}

/** The lang of one field: the locale it fell back to, or undefined when it is in the page's locale. */
export function fieldLang(record: { fallbacks?: Record<string, string> }, field: string): string | undefined {
  return record.fallbacks?.[field];
}

export function number(locale: string, value: number, digits = 0): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export function date(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
}
