import createClient from 'openapi-fetch';

import type { components, paths } from './schema';

/** The API's records, as its contract (openapi/openapi.yaml) defines them. */
export type City = components['schemas']['City'];
export type Page = components['schemas']['Page'];
export type Agreement = components['schemas']['Agreement'];
export type Country = components['schemas']['Country'];
export type Image = components['schemas']['Image'];
export type SurveyResult = components['schemas']['SurveyResult'];
export type Vote = components['schemas']['Vote'];
export type Problem = components['schemas']['Problem'];
export type Rating = components['schemas']['VoteRequest']['rating'];

/** The five ratings, best first, as the API names them. */
export const RATINGS: readonly Rating[] = ['VERY_SATISFIED', 'SATISFIED', 'AVERAGE', 'UNSATISFIED', 'VERY_UNSATISFIED'];

/** A typed client for the API at this base URL (no trailing slash). */
export function apiClient(baseUrl: string) {
  return createClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, '') });
}

/** An absolute URL for a path the API returned (image URLs are relative to the API). */
export function apiHref(baseUrl: string, path: string): string {
  return new URL(path, baseUrl.replace(/\/+$/, '') + '/').toString();
}
