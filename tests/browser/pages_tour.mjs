// Every page at 1280 and at 390 px wide (a phone): each answers 200, none scrolls
// sideways, and a screenshot of each is kept. The tour follows the pages' own links:
// profile -> a work's page -> a topic's page -> an institution's page.
// Signed in (an account made here), the account page too.
// Usage: node pages_tour.mjs BASE ARTIFACTS RESEARCHER_ID DATA_DIR
import path from 'node:path';
import fs from 'node:fs';
import { fail, launch, signUpAndVerify } from './lib.mjs';

const [base, artifacts, researcherId, dataDir] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });
const browser = await launch();
let visited = 0;

async function visit(page, width, name, url) {
  const response = await page.goto(url);
  if (!response || response.status() !== 200) fail(`${name} (${url}) answered ${response && response.status()} at ${width} px`);
  await page.waitForLoadState('networkidle');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: path.join(artifacts, `${width}-${name}.png`), fullPage: true });
  if (overflow > 0) {
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${e.className}`).join(', '));
    fail(`${name} (${url}) scrolls sideways by ${overflow} px at ${width} px: ${wide}`);
  }
  visited += 1;
}

async function firstHref(page, selector, what) {
  const link = page.locator(selector).first();
  if ((await link.count()) === 0) fail(`no link to ${what} on ${page.url()}`);
  return new URL(await link.getAttribute('href'), base).href;
}

try {
  for (const width of [1280, 390]) {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await visit(page, width, 'home', `${base}/`);
    await visit(page, width, 'profile', `${base}/researchers/${researcherId}`);
    const name = (await page.textContent('h1')).trim();
    const work = await firstHref(page, '#works a[href^="/works/"]', 'a work');
    const topic = await firstHref(page, 'a[href^="/topics/"]', 'a topic');
    const institutionLinks = page.locator('a[href^="/institutions/"]');
    await visit(page, width, 'graph-explorer', `${base}/researchers/${researcherId}/graph`);
    await visit(page, width, 'researchers-by-name', `${base}/researchers?name=${encodeURIComponent(name)}`);
    await visit(page, width, 'search', `${base}/search?q=${encodeURIComponent(name)}`);
    await visit(page, width, 'work', work);
    if ((await page.locator('a[href^="/researchers/"]').count()) === 0) fail(`the work page ${work} links no author`);
    const institution = (await page.locator('a[href^="/institutions/"]').count())
      ? await firstHref(page, 'a[href^="/institutions/"]', 'an institution') : null;
    await visit(page, width, 'topic', topic);
    if (institution) await visit(page, width, 'institution', institution);
    else if (await institutionLinks.count()) fail('the profile links an institution the work page does not');
    await visit(page, width, 'feed', `${base}/feed`);
    for (const form of ['login', 'signup', 'forgot']) await visit(page, width, form, `${base}/${form}`);
    const noShots = async () => {};
    await signUpAndVerify(page, base, dataDir, noShots, `Tour ${width}`, `tour${width}@example.org`, 'a long enough password');
    await visit(page, width, 'account', `${base}/account`);
    await visit(page, width, 'profile-signed-in', `${base}/researchers/${researcherId}`);
    await visit(page, width, 'feed-signed-in', `${base}/feed`);
  }
  console.log(`pages tour: ${visited} pages at 1280 and 390 px, none scrolls sideways (screenshots in ${artifacts})`);
} finally {
  await browser.close();
}
