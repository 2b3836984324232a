// Browser test: the research-graph explorer loads for a seed researcher, shows nodes of
// several types, and expands a node when it is clicked. Screenshots go to ARTIFACTS.
// Usage: node explorer_flow.mjs BASE_URL RESEARCHER_ID ARTIFACTS_DIR
import fs from 'node:fs';
import path from 'node:path';

import { fail, launch } from './lib.mjs';

const [base, researcher, artifacts] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });

const browser = await launch();
try {
  const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Requests cut short by leaving a page are aborted, not failed.
  page.on('requestfailed', (r) => {
    if (!/ERR_ABORTED/.test(r.failure()?.errorText || '')) errors.push(`${r.url()}: ${r.failure()?.errorText}`);
  });
  await page.goto(`${base}/researchers/${researcher}`);
  await Promise.all([page.waitForURL(/\/graph$/), page.click('text=Open full explorer')]);
  await page.waitForFunction(() => window.bzpeerGraph && window.bzpeerGraph.nodes().length > 1, null, { timeout: 15000 });
  const types = await page.evaluate(() => [...new Set(window.bzpeerGraph.nodes().map((n) => n.data('type')))]);
  for (const t of ['researcher', 'work', 'topic']) if (!types.includes(t)) fail(`no ${t} node in the explorer: ${types}`);
  await page.screenshot({ path: path.join(artifacts, 'explorer.png') });
  // A legend of node colours; no node drawn without a link; only the strongest named.
  if ((await page.locator('.type-filter .swatch').count()) !== 5) fail('the explorer has no legend of node colours');
  const drawing = await page.evaluate(() => {
    const shown = window.bzpeerGraph.nodes().filter((n) => !n.hasClass('hidden'));
    const linked = (n) => n.connectedEdges().some((e) => !e.source().hasClass('hidden') && !e.target().hasClass('hidden'));
    return { isolated: shown.filter((n) => !n.hasClass('centre') && !linked(n)).length,
      named: shown.filter((n) => n.style('label') !== '').length, shown: shown.length };
  });
  if (drawing.isolated) fail(`${drawing.isolated} node(s) drawn with no link`);
  if (drawing.named > 13) fail(`${drawing.named} of ${drawing.shown} nodes named at once: labels overlap`);
  const before = await page.evaluate(() => window.bzpeerGraph.nodes().length);
  // Click a topic: its other researchers join the picture.
  const position = await page.evaluate(() => {
    const node = window.bzpeerGraph.nodes('[type = "topic"]').first();
    const box = document.getElementById('cy').getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(position.x, position.y);
  await page.waitForFunction((n) => window.bzpeerGraph.nodes().length > n, before, { timeout: 15000 })
    .catch(() => fail('clicking a node did not expand it'));
  await page.screenshot({ path: path.join(artifacts, 'explorer-expanded.png') });
  const hidden = await page.evaluate(() => {
    document.querySelector('.type-filter input[value=work]').click();
    return window.bzpeerGraph.nodes('[type = "work"]').every((n) => n.hasClass('hidden'));
  });
  if (!hidden) fail('the type filter did not hide papers');
  // "How am I connected to" takes a name, with suggestions as one types.
  const other = await page.evaluate((centre) => {
    const n = window.bzpeerGraph.nodes('[type = "researcher"]').filter((x) => x.id() !== centre).first();
    return n.length ? n.data('label') : '';
  }, researcher);
  if (!other) fail('the slice shows no co-author to find a path to');
  {
    await page.fill('#path-to', other);
    await page.waitForFunction(() => document.querySelectorAll('#path-suggestions option').length > 0, null, { timeout: 5000 })
      .catch(() => fail(`no suggestions for "${other}"`));
    await page.click('#path-form button[type=submit]');
    await page.waitForFunction(() => /co-authorship link/.test(document.getElementById('explorer-status').textContent),
      null, { timeout: 5000 }).catch(async () => fail(`no path to "${other}": ${await page.textContent('#explorer-status')}`));
  }
  // Double-clicking a venue or topic searches for its works, and finds them.
  const target = await page.evaluate(() => {
    const g = window.bzpeerGraph;
    const n = g.nodes('[type = "venue"]').first().length ? g.nodes('[type = "venue"]').first() : g.nodes('[type = "topic"]').first();
    return n.length ? { id: n.id(), type: n.data('type'), label: n.data('label') } : null;
  });
  if (!target) fail('the slice has neither a venue nor a topic');
  // Waits for the new page's document, not its load event: a slow stylesheet on a busy
  // machine is not what this checks, and a failure says where the page stood. The
  // double tap runs after evaluate has returned: a navigation that began inside evaluate
  // would destroy its context and fail it, depending on timing.
  await Promise.all([page.waitForURL(target.type === 'venue' ? /\/search\?q=/ : /\/topics\//, { waitUntil: 'commit' }),
    page.evaluate((id) => { setTimeout(() => window.bzpeerGraph.getElementById(id).emit('dbltap'), 0); }, target.id)])
    .catch(() => fail(`double-clicking the ${target.type} "${target.label}" did not open its page (at ${page.url()})`));
  await page.locator('li.work').first().waitFor({ timeout: 15000 })
    .catch(() => fail(`double-clicking the ${target.type} "${target.label}" finds no works (${page.url()})`));
  await page.screenshot({ path: path.join(artifacts, 'explorer-double-click.png') });
  if (errors.length) fail(`page errors: ${errors.join('; ')}`);
  console.log(`browser explorer: 1 passed, 0 failed (${types.join(', ')})`);
} finally {
  await browser.close();
}
