// Browser tests of the built site, in Debian's Chromium driven by playwright-core. They expect the site served at
// SITE_URL, built from the API at API_URL (a fresh scratch database with the seed and e2e/prepare.mjs applied).
// Screenshots go to SCREENSHOTS. Run through e2e/run.sh, which sets all of that up.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';

import { chromium } from 'playwright-core';

const SITE = process.env.SITE_URL.replace(/\/+$/, '');
const API = process.env.API_URL.replace(/\/+$/, '');
const SHOTS = process.env.SCREENSHOTS ?? 'e2e-screenshots';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
mkdirSync(SHOTS, { recursive: true });

let browser;
const figures = [];

before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  if (figures.length) {
    const lines = ['route | bytes transferred | requests | first contentful paint (ms) | DOM content loaded (ms)', '--- | --- | --- | --- | ---'];
    for (const f of figures) lines.push(`${f.route} | ${f.bytes} | ${f.requests} | ${f.fcp} | ${f.dcl}`);
    writeFileSync(`${SHOTS}/figures.md`, lines.join('\n') + '\n');
    console.log('\n' + lines.join('\n'));
  }
});

const api = async (path) => {
  const response = await fetch(API + path);
  assert.equal(response.status, 200, `GET ${path}`);
  return response.json();
};

/** Opens a route in a fresh page, failing on any console error, failed request or HTTP error. */
async function open(route, { viewport = { width: 1280, height: 900 }, javaScriptEnabled = true, allowFailures = false } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  const page = await context.newPage();
  const problems = [];
  const responses = [];
  page.on('response', (response) => responses.push(response));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()}: ${response.url()}`));
  await page.goto(SITE + route, { waitUntil: 'networkidle' });
  return {
    page,
    problems,
    responses,
    async close() {
      if (!allowFailures) assert.deepEqual(problems, [], `${route} loads cleanly`);
      await context.close();
    },
  };
}

async function text(page) {
  return page.evaluate(() => document.body.innerText);
}

async function seriousAccessibilityViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Page weight (bytes on the wire, headers included, across origins), requests, and paint times. */
async function measure(page, route, responses) {
  let bytes = 0;
  for (const response of responses) {
    const sizes = await response.request().sizes();
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  const timing = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { fcp: fcp ? Math.round(fcp.startTime) : null, dcl: Math.round(navigation.domContentLoadedEventEnd) };
  });
  figures.push({ route, bytes, requests: responses.length, ...timing });
}

const number = (locale, value, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
const date = (locale, iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));

/** Every fact the API gives about a page's agreements, as the site should print it. */
function expectedFacts(page, locale) {
  const facts = [page.title];
  if (page.body) facts.push(page.body);
  for (const agreement of page.agreements) {
    const city = agreement.partnerCity;
    facts.push(city.name);
    for (const value of [city.nativeName, city.region, city.location, city.regionalFeatures, city.description, agreement.notes]) {
      if (value) facts.push(value);
    }
    if (city.population != null) facts.push(number(locale, city.population));
    if (city.areaKm2 != null) facts.push(`${number(locale, city.areaKm2, 2)} km²`);
    if (city.averageTemperatureC != null) facts.push(`${number(locale, city.averageTemperatureC, 2)} °C`);
    if (agreement.establishedOn) facts.push(date(locale, agreement.establishedOn));
    for (const signatory of agreement.signatories) {
      facts.push(signatory.name);
      if (signatory.nativeName) facts.push(signatory.nativeName);
    }
  }
  return facts;
}

describe('the two seed pages', () => {
  for (const key of ['sister-cities', 'friendship-cities']) {
    test(`/${key}/ shows every fact of the page, with no console errors or failed requests`, async () => {
      const expected = expectedFacts(await api(`/api/v1/pages/${key}`), 'en');
      const { page, responses, close } = await open(`/${key}/`);
      const shown = await text(page);
      const missing = expected.filter((fact) => !shown.includes(fact));
      assert.deepEqual(missing, [], `facts missing from /${key}/`);
      await page.screenshot({ path: `${SHOTS}/${key}.png`, fullPage: true });
      await measure(page, `/${key}/`, responses);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      await close();
    });
  }

  test('the sister cities page carries the seed facts in both scripts', async () => {
    const { page, close } = await open('/sister-cities/');
    const shown = await text(page);
    for (const fact of ['Harbin', '黑龍江省哈爾濱市', 'Wang Gwnag-do', '汪光燾', '9,910,000', '5.4 °C', 'November 28, 1995', 'Lee Hae-seon']) {
      assert.ok(shown.includes(fact), `"${fact}" on /sister-cities/`);
    }
    await close();
  });
});

describe('the survey widget', () => {
  test('a Satisfied vote from the page turns 20/10 into 21/11, and a repeat gets the API\'s polite refusal', async () => {
    const { page, close } = await open('/friendship-cities/');
    const result = page.locator('[data-result]');
    assert.equal(await result.textContent(), '20/10');
    const form = page.locator('form[data-survey]');
    assert.equal(await form.locator('input[type="radio"][name="rating"]').count(), 5);
    assert.deepEqual(await form.locator('input[name="rating"]').evaluateAll((inputs) => inputs.map((input) => input.value)),
      ['VERY_SATISFIED', 'SATISFIED', 'AVERAGE', 'UNSATISFIED', 'VERY_UNSATISFIED']);
    await form.locator('input[value="SATISFIED"]').check();
    const voted = page.waitForResponse((response) => response.url().endsWith('/votes'));
    await form.locator('button[type="submit"]').click();
    assert.equal((await voted).status(), 201);
    await page.waitForFunction(() => document.querySelector('[data-result]').textContent === '21/11');
    assert.equal((await api('/api/v1/pages/friendship-cities/survey')).score, 21);
    await page.screenshot({ path: `${SHOTS}/friendship-cities-voted.png`, fullPage: true });

    // The browser console reports a 429 as an error of its own; that one is expected here.
    const repeat = page.waitForResponse((response) => response.url().endsWith('/votes'));
    await form.locator('button[type="submit"]').click();
    assert.equal((await repeat).status(), 429);
    await page.waitForFunction(() => document.querySelector('[data-message]').textContent.length > 0);
    assert.match(await page.locator('[data-message]').textContent(), /already rated/i);
    assert.equal(await result.textContent(), '21/11');
    // A reload shows the visitor's vote, although the page was built at 20/10 and reads may be cached for 60 s.
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.querySelector('[data-result]').textContent === '21/11');
    await page.context().close();
    void close;
  });

  test('the widget works from the keyboard alone', async () => {
    const { page, close } = await open('/sister-cities/');
    const before = await page.locator('[data-result]').textContent();
    await page.locator('input[name="rating"]').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'submit');
    const voted = page.waitForResponse((response) => response.url().endsWith('/votes'));
    await page.keyboard.press('Enter');
    assert.equal((await voted).status(), 201);
    await page.waitForFunction((old) => document.querySelector('[data-result]').textContent !== old, before);
    await close();
  });

  test('when the API is down the page still reads, and voting says so politely', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`${API}/**`, (route) => route.abort('connectionrefused'));
    await page.goto(`${SITE}/friendship-cities/`, { waitUntil: 'networkidle' });
    assert.match(await page.locator('[data-result]').textContent(), /^\d+\/\d+$/);
    await page.locator('input[value="AVERAGE"]').check();
    await page.locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelector('[data-message]').textContent.length > 0);
    assert.match(await page.locator('[data-message]').textContent(), /try again later/);
    await context.close();
  });

  test('without JavaScript the facts and the result are there', async () => {
    const { page, close } = await open('/friendship-cities/', { javaScriptEnabled: false });
    const shown = await text(page);
    assert.match(shown, /Shenyang/);
    assert.match(await page.locator('[data-result]').textContent(), /^\d+\/\d+$/);
    await close();
  });
});

describe('home, cities and locales', () => {
  test('/ lists the partner cities by country, each linked to its page', async () => {
    const { page, responses, close } = await open('/');
    const agreements = (await api('/api/v1/agreements?size=100')).items;
    const links = await page.locator('li[data-city] a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    for (const agreement of agreements) {
      assert.ok(links.includes(`/cities/${agreement.partnerCity.slug}/`), `a link to ${agreement.partnerCity.slug}`);
    }
    assert.ok((await page.locator('section.country h2').count()) >= 5);
    await page.screenshot({ path: `${SHOTS}/home.png`, fullPage: true });
    await measure(page, '/', responses);
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
    await close();
  });

  test('every city has a page with its facts', async () => {
    const cities = (await api('/api/v1/cities?size=100')).items;
    for (const city of cities) {
      const { page, close } = await open(`/cities/${city.slug}/`);
      const shown = await text(page);
      assert.ok(shown.includes(city.name), city.slug);
      if (city.population != null) assert.ok(shown.includes(number('en', city.population)), `${city.slug} population`);
      if (city.regionalFeatures) assert.ok(shown.includes(city.regionalFeatures), `${city.slug} features`);
      await close();
    }
  });

  test('images come with srcset from the media variants and alt text', async () => {
    const harbin = await api('/api/v1/cities/harbin');
    assert.ok(harbin.images.length > 0, 'e2e/prepare.mjs put a photo on Harbin');
    const { page, responses, close } = await open('/cities/harbin/');
    const image = page.locator('figure.image img').first();
    const srcset = await image.getAttribute('srcset');
    assert.equal(srcset.split(',').length, harbin.images[0].variants.length);
    assert.equal(await image.getAttribute('alt'), harbin.images[0].alt);
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('figure.image img').complete);
    assert.ok(await image.evaluate((img) => img.naturalWidth > 0), 'the image loaded');
    await page.screenshot({ path: `${SHOTS}/harbin.png`, fullPage: true });
    await measure(page, '/cities/harbin/', responses);
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
    await close();
  });

  test('every locale has its routes with <html lang>, a language switcher and per-field lang from fallbacks', async () => {
    const { default: fallback, items } = await api('/api/v1/locales');
    for (const locale of items) {
      const prefix = locale === fallback ? '' : `/${locale}`;
      for (const route of ['/', '/sister-cities/', '/cities/harbin/']) {
        const { page, close } = await open(prefix + route);
        assert.equal(await page.getAttribute('html', 'lang'), locale, prefix + route);
        const switcher = await page.locator('nav .languages a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('hreflang')));
        assert.deepEqual(switcher.sort(), [...items].sort());
        await close();
      }
    }
    // Harbin's Korean record falls back to English for some fields: those carry lang="en".
    const harbin = await api('/api/v1/cities/harbin?locale=ko');
    const { page, close } = await open('/ko/cities/harbin/');
    for (const [field, lang] of Object.entries(harbin.fallbacks)) {
      const value = harbin[field];
      if (typeof value !== 'string') continue;
      const tagged = await page.locator(`[lang="${lang}"]`).evaluateAll((nodes, text) => nodes.some((node) => node.textContent.includes(text)), value);
      assert.ok(tagged, `${field} is marked lang="${lang}"`);
    }
    await page.screenshot({ path: `${SHOTS}/ko-harbin.png`, fullPage: true });
    await close();
  });

  test('pages fit a 360 px wide screen', async () => {
    for (const route of ['/', '/sister-cities/', '/cities/harbin/']) {
      const { page, close } = await open(route, { viewport: { width: 360, height: 740 } });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `${route} is ${width}px wide at 360px`);
      await page.screenshot({ path: `${SHOTS}/narrow${route.replaceAll('/', '-').replace(/-$/, '') || '-home'}.png`, fullPage: true });
      await close();
    }
  });
});
