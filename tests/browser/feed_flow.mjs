// Browser test of the feed: a visitor's feed -> sign up -> claim a record -> follow two
// researchers -> the feed shows their works and says why -> "Not relevant" takes the
// top item out without a reload and the next moves up -> the private Atom feed parses
// as XML. Usage: node feed_flow.mjs BASE DATA_DIR ARTIFACTS CLAIM_ID FOLLOW_ID FOLLOW_ID
import { fail, launch, screenshots, signUpAndVerify } from './lib.mjs';

const [base, dataDir, artifacts, claimId, ...followIds] = process.argv.slice(2);
const shot = screenshots(artifacts);
const browser = await launch();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${base}/feed`);
  if ((await page.locator('.feed-item').count()) === 0) fail('a visitor sees no works on /feed');
  await shot(page, 'feed-visitor');

  await signUpAndVerify(page, base, dataDir, shot, 'Feed Reader', 'reader@feed.example', 'a long enough password');
  await page.goto(`${base}/researchers/${claimId}`);
  await Promise.all([page.waitForURL(`${base}/researchers/${claimId}`), page.click('text=Claim this record')]);
  if (!(await page.textContent('#identity')).includes('You claimed this record')) fail('the claim did not show');
  const names = [];
  for (const id of followIds) {
    await page.goto(`${base}/researchers/${id}`);
    names.push((await page.textContent('h1')).trim());
    await Promise.all([page.waitForURL(`${base}/researchers/${id}`), page.click('#actions button[type=submit]')]);
    if (!(await page.textContent('#actions')).includes('Following researcher')) fail(`following ${id} did not register`);
  }

  await page.goto(`${base}/feed`);
  const reasons = await page.locator('.feed-item .reasons').allTextContents();
  for (const name of names)
    if (!reasons.some((r) => r.includes(`by ${name}, whom you follow`))) fail(`no item says it is by ${name}, whom you follow`);
  await shot(page, 'feed-reader');

  // "Not relevant" on the top item: gone in place, the second moves up, no reload.
  await page.evaluate(() => { window.stillTheSamePage = true; });
  const before = await page.locator('.feed-item').evaluateAll((items) => items.map((i) => i.id));
  await page.locator('.feed-item').first().locator('button', { hasText: 'Not relevant' }).click();
  await page.waitForFunction((id) => !document.getElementById(id), before[0]);
  const after = await page.locator('.feed-item').evaluateAll((items) => items.map((i) => i.id));
  if (after[0] !== before[1]) fail(`after dismissing ${before[0]} the first item is ${after[0]}, not ${before[1]}`);
  if (!(await page.evaluate(() => window.stillTheSamePage === true))) fail('the page reloaded');
  await shot(page, 'feed-dismissed');
  await page.reload();
  if ((await page.locator(`#${before[0]}`).count()) !== 0) fail('the dismissed work came back after a reload');

  // The private Atom feed.
  await Promise.all([page.waitForLoadState('load'), page.click('text=Private Atom feed')]);
  const href = await page.getAttribute('#atom-url a', 'href');
  if (!href || !href.includes('/feed/atom/')) fail('no private Atom URL shown');
  const atom = await (await page.request.get(href)).text();
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return { errors: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.localName,
      entries: doc.getElementsByTagName('entry').length };
  }, atom);
  if (parsed.errors || parsed.root !== 'feed' || parsed.entries === 0) fail(`the Atom feed does not parse: ${JSON.stringify(parsed)}`);
  console.log(`feed browser flow: 1 passed, 0 failed (${shot.count()} screenshots in ${artifacts})`);
} finally {
  await browser.close();
}
