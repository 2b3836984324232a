// Shared by the browser flows: chromium through playwright-core, numbered screenshots,
// and signing up through the outbox's verification link.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// playwright-core is installed under ui/ (scripts/setup runs npm there).
const require = createRequire(new URL('../../ui/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Screenshots numbered in the order taken, into `artifacts`.
export function screenshots(artifacts) {
  fs.mkdirSync(artifacts, { recursive: true });
  let step = 0;
  const shot = async (page, name) => {
    step += 1;
    await page.screenshot({ path: path.join(artifacts, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
  };
  shot.count = () => step;
  return shot;
}

// Mail goes out just after the answer: look for a few seconds.
async function verificationLink(dataDir, email) {
  const dir = path.join(dataDir, 'outbox');
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const mails = fs.existsSync(dir) ? fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : [];
    const mine = mails.filter((m) => m.includes(`To: ${email}`));
    const match = mine.length && mine[mine.length - 1].match(/https?:\/\/\S+\/verify\?token=[0-9a-f]+/);
    if (match) return match[0];
    await new Promise((done) => setTimeout(done, 100));
  }
  fail(`no verification link mailed to ${email}`);
}

// Signs up through the form, follows the mailed link and logs in (lands on /account).
export async function signUpAndVerify(page, base, dataDir, shot, name, email, password) {
  await page.goto(`${base}/signup`);
  await page.fill('input[name=display_name]', name);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(`${base}/signup`), page.click('form.stack button[type=submit]')]);
  if (!(await page.textContent('body')).includes('Check your email')) fail(`sign-up of ${email} did not confirm`);
  await shot(page, `signup-${name.split(' ')[0].toLowerCase()}`);
  await page.goto(await verificationLink(dataDir, email));
  if (!(await page.textContent('body')).includes('Your email is verified')) fail(`verification of ${email} failed`);
  await page.goto(`${base}/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(/\/account$/), page.click('form.stack button[type=submit]')]);
}
