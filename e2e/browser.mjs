// browser.mjs drives sitrep's web UI in Debian's Chromium through
// playwright-core, against a server that run.sh has filled with the demo
// reports and the seed report. It checks what a user sees: markers for
// every located incident, the Ust-Ilimsk incident with its evidence
// highlighted, a reviewer's log-in, a corrected casualty figure and the
// audit entry it leaves. It writes screenshots of the map and of the
// incident page to $ARTIFACTS.
//
// Environment: SITREP_URL, SITREP_USER, SITREP_PASS, ARTIFACTS, CHROMIUM;
// SITREP_URL_MANY and SITREP_MANY for the many-markers check.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.SITREP_URL;
const user = process.env.SITREP_USER;
const pass = process.env.SITREP_PASS;
const out = process.env.ARTIFACTS || 'artifacts';
const timeout = 20000;
mkdirSync(out, { recursive: true });

// markersAtLeast runs in the page: the number of incidents the map shows
// (a marker is one; a cluster says "37", "1.2k" or "10k", so sums of 1,000
// and more are rounded) when it is at least n, else 0. It is passed to
// the page as a function, since the page's CSP refuses string evaluation.
function markersAtLeast(n) {
  const c = [...document.querySelectorAll('#map .leaflet-marker-icon')].reduce((sum, el) => {
    if (!el.classList.contains('cluster')) return sum + 1;
    const t = el.textContent.trim();
    return sum + (t.endsWith('k') ? parseFloat(t) * 1000 : parseInt(t, 10) || 0);
  }, 0);
  return c >= n ? c : 0;
}

let failed = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed++;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // The machine's network is closed: background services would only fail.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
const problems = [];
page.on('pageerror', e => problems.push(`page error: ${e.message}`));
page.on('console', m => {
  if (m.type() === 'error' && !/401|Unauthorized/.test(m.text())) problems.push(`console: ${m.text()}`);
});

try {
  // Every incident the API places on the map, by its own pages.
  let located = 0;
  let ustIlimsk = null;
  let cursor = '';
  for (;;) {
    const res = await page.request.get(`${base}/api/incidents?limit=500${cursor ? '&cursor=' + encodeURIComponent(cursor) : ''}`);
    check(res.ok(), `GET /api/incidents answers ${res.status()}`);
    const body = await res.json();
    for (const inc of body.incidents) {
      const loc = inc.location;
      if (loc && loc.lat != null && loc.lon != null) located++;
      if (!ustIlimsk && loc && /Ust.{0,2}Ilimsk/.test(loc.name || '') && inc.type === 'ASSAULT') ustIlimsk = inc;
    }
    if (!body.next_cursor) break;
    cursor = body.next_cursor;
  }
  check(located >= 5, `the database holds located incidents (${located})`);
  check(ustIlimsk !== null, 'the seed report made an ASSAULT incident at Ust-Ilimsk');

  // The map: a marker or a cluster for every located incident.
  await page.goto(base + '/', { waitUntil: 'load' });
  await page.waitForSelector('#map .leaflet-marker-icon', { timeout });
  // The offline basemap: the countries drawn on a canvas of their own pane.
  await page.waitForSelector('#map .leaflet-pane canvas', { timeout });
  const shown = await page.evaluate(markersAtLeast, 0);
  check(shown === located, `the map shows ${shown} of ${located} located incidents`);
  check(await page.locator('#timeline canvas').count() > 0, 'the timeline is drawn');
  await page.screenshot({ path: join(out, 'map.png') });

  // The incident page, with its evidence highlighted in the report.
  await page.goto(`${base}/incidents/${ustIlimsk.id}`, { waitUntil: 'load' });
  await page.waitForSelector(`#incident[data-id="${ustIlimsk.id}"]`, { timeout });
  await page.waitForSelector('.article-text mark.evidence', { timeout });
  const marked = await page.$$eval('.article-text mark.evidence', els => els.map(e => e.textContent).join(' | '));
  check(/fire|shot|shoot/i.test(marked), `the evidence is highlighted: "${marked.slice(0, 120)}"`);

  // A reviewer logs in ...
  await page.goto(base + '/login', { waitUntil: 'load' });
  await page.fill('#login input[name="name"]', user);
  await page.fill('#login input[name="password"]', pass);
  await page.click('#login button[type="submit"], #login input[type="submit"]');
  await page.waitForFunction(u => {
    const w = document.querySelector('#whoami');
    return w && !w.hidden && w.textContent.includes(u);
  }, user, { timeout });
  check(true, `logged in as ${user}`);

  // ... corrects the number killed ...
  await page.goto(`${base}/incidents/${ustIlimsk.id}`, { waitUntil: 'load' });
  await page.waitForSelector('[data-field="counts.killed"] .edit', { timeout });
  await page.click('[data-field="counts.killed"] .edit');
  await page.waitForSelector('.edit-form input[name="min"]', { timeout });
  await page.fill('.edit-form input[name="min"]', '2');
  await page.fill('.edit-form input[name="max"]', '2');
  await page.click('.edit-form button[type="submit"]');
  await page.waitForFunction(() => {
    const row = document.querySelector('[data-field="counts.killed"]');
    return row && !document.querySelector(".edit-form") && /(^|\D)2(\D|$)/.test(row.textContent);
  }, null, { timeout });
  const api = await (await page.request.get(`${base}/api/incidents/${ustIlimsk.id}`)).json();
  const killed = api.counts && api.counts.killed;
  check(killed && killed.min === 2 && killed.max === 2, `the API gives the corrected figure (${JSON.stringify(killed)})`);

  // ... and sees the audit entry.
  await page.waitForFunction(() => [...document.querySelectorAll('#audit li')].some(li => li.textContent.includes('counts.killed')), null, { timeout });
  const entry = await page.$$eval('#audit li', els => els.map(e => e.textContent).find(t => t.includes('counts.killed')));
  check(entry && entry.includes(user), `the audit shows who changed counts.killed: "${(entry || '').slice(0, 120)}"`);
  await page.screenshot({ path: join(out, 'incident.png'), fullPage: true });

  check(problems.length === 0, `no page errors${problems.length ? ': ' + problems.join('; ') : ''}`);

  // Many markers: a second server holds 10,000 synthetic incidents. The
  // map must show all of them without freezing the page; the figures are
  // printed, not asserted, since they depend on the machine.
  if (process.env.SITREP_URL_MANY) {
    const many = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await many.addInitScript(() => {
      window.__longest = 0;
      new PerformanceObserver(list => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const want = Number(process.env.SITREP_MANY || 10000);
    const t0 = Date.now();
    await many.goto(process.env.SITREP_URL_MANY + '/', { waitUntil: 'load' });
    // Cluster icons say "37", "1.2k" or "10k": the sum of 1,000 and more
    // is rounded, so it is checked to within 2%.
    await many.waitForFunction(markersAtLeast, want * 0.98, { timeout: 120000, polling: 250 });
    const loaded = Date.now() - t0;
    const shown = await many.evaluate(markersAtLeast, 0);
    check(Math.abs(shown - want) <= want * 0.02, `the map shows about ${Math.round(shown)} of ${want} incidents`);
    const z0 = Date.now();
    await many.click('.leaflet-control-zoom-in');
    await many.waitForTimeout(400);
    await many.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
    const zoom = Date.now() - z0 - 400;
    const longest = await many.evaluate(() => window.__longest);
    console.log(`figures: ${want} markers loaded and drawn in ${(loaded / 1000).toFixed(1)} s; longest main-thread task ${Math.round(longest)} ms; a zoom redrawn ${Math.max(0, zoom)} ms after its animation`);
    await many.screenshot({ path: join(out, 'many.png') });
    await many.close();
  }
} catch (e) {
  check(false, `browser test: ${e.message}`);
  await page.screenshot({ path: join(out, 'failure.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
