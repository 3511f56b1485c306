import { type Agreement, apiClient, type City, type Country, type Page } from './client';

/** Build-time access to the API named by TWINNING_API_URL. Every failure stops the build with its reason. */
export const API_URL: string = (() => {
  const url = process.env.TWINNING_API_URL;
  if (!url) {
    throw new Error('Set TWINNING_API_URL to the API the site is built from, e.g. http://localhost:8080');
  }
  return url.replace(/\/+$/, '');
})();

const client = apiClient(API_URL);

/** The client, with network failures reported with the request that failed (not only the host and port). */
const api = {
  GET: (async (path: string, init?: unknown) => {
    try {
      return await (client.GET as (path: string, init?: unknown) => Promise<unknown>)(path, init);
    } catch (error) {
      const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new Error(`GET ${path} could not reach ${API_URL}: ${cause}`);
    }
  }) as typeof client.GET,
};

function fail(what: string, response: Response, error: unknown): never {
  const detail = error && typeof error === 'object' && 'detail' in error ? `: ${String(error.detail)}` : '';
  throw new Error(`${what} failed with ${response.status} from ${API_URL}${detail}`);
}

export async function locales(): Promise<{ default: string; items: string[] }> {
  const { data, error, response } = await api.GET('/api/v1/locales');
  return data ?? fail('GET /api/v1/locales', response, error);
}

export async function countries(locale: string): Promise<Country[]> {
  const { data, error, response } = await api.GET('/api/v1/countries', { params: { query: { locale } } });
  return data?.items ?? fail('GET /api/v1/countries', response, error);
}

/** Every published city (all pages of the list). */
export async function cities(locale: string): Promise<City[]> {
  const all: City[] = [];
  for (let page = 0; ; page++) {
    const { data, error, response } = await api.GET('/api/v1/cities', {
      params: { query: { locale, page, size: 100, sort: 'name' } },
    });
    if (!data) fail('GET /api/v1/cities', response, error);
    all.push(...data.items);
    if (all.length >= data.total || data.items.length === 0) return all;
  }
}

export async function city(slug: string, locale: string): Promise<City> {
  const { data, error, response } = await api.GET('/api/v1/cities/{idOrSlug}', {
    params: { path: { idOrSlug: slug }, query: { locale } },
  });
  return data ?? fail(`GET /api/v1/cities/${slug}`, response, error);
}

export async function pageKeys(): Promise<string[]> {
  const { data, error, response } = await api.GET('/api/v1/pages', { params: { query: { size: 100 } } });
  return (data ?? fail('GET /api/v1/pages', response, error)).items.map((page) => page.key);
}

export async function page(key: string, locale: string): Promise<Page> {
  const { data, error, response } = await api.GET('/api/v1/pages/{idOrKey}', {
    params: { path: { idOrKey: key }, query: { locale } },
  });
  return data ?? fail(`GET /api/v1/pages/${key}`, response, error);
}

/** Every published agreement (all pages of the list). */
export async function agreements(locale: string): Promise<Agreement[]> {
  const all: Agreement[] = [];
  for (let page = 0; ; page++) {
    const { data, error, response } = await api.GET('/api/v1/agreements', {
      params: { query: { locale, page, size: 100 } },
    });
    if (!data) fail('GET /api/v1/agreements', response, error);
    all.push(...data.items);
    if (all.length >= data.total || data.items.length === 0) return all;
  }
}

/** What every route needs: the locales, with the default first. */
export async function localePaths(): Promise<{ params: { locale: string | undefined }; props: { locale: string } }[]> {
  const { default: fallback, items } = await locales();
  return [fallback, ...items.filter((locale) => locale !== fallback)].map((locale) => ({
    params: { locale: locale === fallback ? undefined : locale },
    props: { locale },
  }));
}
