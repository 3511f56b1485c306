import { apiClient, type Rating, type SurveyResult } from '../api/client';

const VISITOR = 'twinning-visitor-id';

/**
 * An anonymous id for this browser, kept so that the API can hold it to one vote per page and day; none when
 * storage is blocked, and the API then tells visitors apart by address and browser.
 */
function visitorId(): Record<string, string> {
  try {
    let id = localStorage.getItem(VISITOR);
    if (!id) {
      id = randomId();
      localStorage.setItem(VISITOR, id);
    }
    return { 'X-Visitor-Id': id };
  } catch {
    return {};
  }
}

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function show(section: Element, survey: SurveyResult): void {
  const output = section.querySelector('[data-result]');
  if (output) output.textContent = `${survey.score}/${survey.participants}`;
}

/**
 * Makes every survey form vote through the API across origins and show the new result from the vote's answer;
 * refreshes each result once on load. When the API cannot be reached the page keeps the result it was built with.
 */
export function startSurveys(): void {
  document.querySelectorAll<HTMLFormElement>('form[data-survey]').forEach((form) => {
    const section = form.closest('section') ?? form;
    const key = form.dataset.page ?? '';
    const api = apiClient(form.dataset.api ?? '');
    const message = form.querySelector<HTMLElement>('[data-message]');
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    const say = (text: string) => {
      if (message) message.textContent = text;
    };

    api
      // Revalidate (a cheap 304 when nothing changed): a stored answer could predate this visitor's own vote.
      .GET('/api/v1/pages/{key}/survey', { params: { path: { key } }, cache: 'no-cache' })
      .then(({ data }) => {
        if (data && typeof data === 'object') show(section, data);
      })
      .catch(() => undefined);

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const rating = new FormData(form).get('rating');
      if (typeof rating !== 'string') return;
      if (button) button.disabled = true;
      try {
        const { data, error, response } = await api.POST('/api/v1/pages/{key}/votes', {
          params: { path: { key } },
          body: { rating: rating as Rating },
          headers: visitorId(),
        });
        if (data) {
          show(section, data.survey);
          say(form.dataset.thanks ?? '');
        } else if (response.status === 429 && error && 'detail' in error && error.detail) {
          say(String(error.detail)); // the API's own words: already rated today
        } else {
          say(form.dataset.failed ?? '');
        }
      } catch {
        say(form.dataset.unreachable ?? '');
      } finally {
        if (button) button.disabled = false;
      }
    });
  });
}
