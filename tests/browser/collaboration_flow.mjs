// Browser test: Debian's chromium, driven by playwright-core, walks the real pages:
// sign up -> verify (link from the outbox) -> log in -> search -> claim -> follow ->
// start a conversation -> the researcher accepts and replies. Screenshots of each step
// go to ARTIFACTS. Usage: node collaboration_flow.mjs BASE_URL DATA_DIR ARTIFACTS_DIR
import { fail, launch, screenshots, signUpAndVerify as signUp } from './lib.mjs';

const [base, dataDir, artifacts] = process.argv.slice(2);
const shot = screenshots(artifacts);
const signUpAndVerify = (page, name, email, password) => signUp(page, base, dataDir, shot, name, email, password);

const browser = await launch();
try {
  // The researcher: signs up, finds their record through search and claims it.
  const researcher = await (await browser.newContext()).newPage();
  await signUpAndVerify(researcher, 'Han Hu', 'hanhu@research.example', 'a long enough password');
  await researcher.fill('#search-q', 'Han Hu');
  await Promise.all([researcher.waitForURL(/\/search\?q=/), researcher.press('#search-q', 'Enter')]);
  await shot(researcher, 'search');
  await Promise.all([researcher.waitForURL(/\/researchers\/R\d+$/), researcher.click('.people a >> nth=0')]);
  const profileUrl = researcher.url();
  await Promise.all([researcher.waitForURL(profileUrl), researcher.click('text=Claim this record')]);
  if (!(await researcher.textContent('#identity')).includes('You claimed this record')) fail('the claim did not show');
  if (!(await researcher.textContent('#trust')).includes('Claimed author')) fail('the trust snapshot does not say claimed');
  await shot(researcher, 'claimed');

  // A collaborator: follows the researcher and opens a conversation.
  const collaborator = await (await browser.newContext()).newPage();
  await signUpAndVerify(collaborator, 'Grace Collaborator', 'grace@lab.example', 'another long password');
  await collaborator.goto(profileUrl);
  await Promise.all([collaborator.waitForURL(profileUrl), collaborator.click('#actions button[type=submit]')]);
  const actions = await collaborator.textContent('#actions');
  if (!actions.includes('Following researcher') || !actions.includes('1')) fail(`follow did not register: ${actions}`);
  await shot(collaborator, 'followed');
  await collaborator.fill('#invite input[name=subject]', 'Masked image modeling for remote sensing');
  await collaborator.fill('#invite textarea[name=message]', 'Would you be open to a joint study? <script>alert(1)</script>');
  await Promise.all([collaborator.waitForURL(/\/conversations\/\d+$/), collaborator.click('#invite button[type=submit]')]);
  if (!(await collaborator.textContent('body')).includes('Waiting for the researcher to accept')) fail('invitation page');
  await shot(collaborator, 'invited');
  const conversationUrl = collaborator.url();

  // The researcher accepts and replies; the collaborator sees the reply.
  await researcher.goto(`${base}/account`);
  await Promise.all([researcher.waitForURL(/\/conversations\/\d+$/), researcher.click('#conversations a >> nth=0')]);
  await Promise.all([researcher.waitForURL(conversationUrl), researcher.click('text=Accept')]);
  await researcher.fill('textarea[name=message]', 'Yes, gladly. Let us talk next week.');
  await Promise.all([researcher.waitForURL(conversationUrl), researcher.click('form.stack button[type=submit]')]);
  await shot(researcher, 'accepted-and-replied');
  await collaborator.goto(conversationUrl);
  const thread = await collaborator.textContent('.messages');
  if (!thread.includes('Yes, gladly.')) fail('the reply did not reach the collaborator');
  if (!thread.includes('<script>alert(1)</script>')) fail('the message text is not shown as text');
  if ((await collaborator.locator('.messages script').count()) !== 0) fail('a message was rendered as HTML');
  await shot(collaborator, 'conversation');
  console.log(`browser flow: 1 passed, 0 failed (${shot.count()} screenshots in ${artifacts})`);
} finally {
  await browser.close();
}
