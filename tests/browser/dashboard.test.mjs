// Drives the sitrep dashboard in Debian's Chromium through playwright-core.
// Environment: BASE_URL (a running `sitrep serve`), HOSTILE_EVENT_ID (an
// event from the article with a <script> in it), OUT_DIR (screenshots).
// Exits non-zero on the first failed check.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const base = process.env.BASE_URL;
const hostileId = process.env.HOSTILE_EVENT_ID;
const outDir = process.env.OUT_DIR || 'out';
const SCRIPT_TEXT = '<script>window.__pwned=1</script>';
if (!base || !hostileId) {
  console.error('BASE_URL and HOSTILE_EVENT_ID must be set (run.sh sets them)');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) { passed++; console.log(`ok - ${name}`); } else { failed++; console.log(`not ok - ${name} ${detail}`); }
  return ok;
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try { const r = await fetch(`${base}/api/stats`); if (r.ok) return; } catch (_) { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${base} did not answer within 20 s`);
}

const api = async (path) => (await fetch(base + path)).json();

async function main() {
  await waitForServer();
  const userDataDir = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
    viewport: { width: 1400, height: 1000 },
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(15000);
    const pageErrors = [];
    const offsite = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
    // The dashboard must work offline: anything not from our server fails.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
      offsite.push(url);
      return route.abort();
    });

    // --- overview: map, points, table
    await page.goto(base + '/');
    await page.waitForSelector('body[data-loaded="true"]');
    check('the event view starts hidden', !(await page.isVisible('#event-view')));
    const bars = await page.locator('#timeline rect.bar').count();
    check('timeline draws bars', bars > 0, `(${bars})`);
    const countries = await page.locator('#countries path').count();
    check('map draws the country outlines', countries > 150, `(${countries} paths)`);
    const points = await page.locator('#map circle.point').count();
    check('map shows event points', points > 0, `(${points})`);
    const rowsBefore = await page.locator('#events-table tbody tr[data-event-id]').count();
    check('table lists events', rowsBefore > 0, `(${rowsBefore})`);
    await page.screenshot({ path: join(outDir, 'dashboard.png') });

    // --- filter by a type that is not every event
    const stats = await api('/api/stats');
    const pick = stats.by_type.find((t) => t.type && t.events < stats.events);
    if (check('demo data has more than one event type', Boolean(pick))) {
      await page.selectOption('#filters select[name=type]', pick.type);
      await page.click('#filters button[type=submit]');
      await page.waitForSelector('body[data-loaded="true"]');
      await page.waitForFunction((want) => {
        const cells = [...document.querySelectorAll('#events-table tbody td.type-cell')];
        return cells.length > 0 && cells.every((c) => c.textContent.trim() === want);
      }, pick.type);
      const rows = await page.locator('#events-table tbody tr[data-event-id]').count();
      check('type filter narrows the table', rows === Math.min(25, pick.events), `(${rows} rows, want ${Math.min(25, pick.events)})`);
      const info = await page.textContent('#page-info');
      check('pager counts the filtered events', info.endsWith(`of ${pick.events}`), `(${info})`);
      const types = await page.$$eval('#map circle.point', (cs) => [...new Set(cs.map((c) => c.dataset.type))]);
      check('map shows only the filtered type', types.every((t) => t === pick.type), JSON.stringify(types));
      await page.screenshot({ path: join(outDir, 'dashboard-filtered.png') });
    }

    // --- the map's view as an area filter: the fitted view holds every point
    await page.click('#map-world');
    await page.click('#map-area');
    await page.waitForSelector('body[data-loaded="true"]');
    const areaInfo = await page.textContent('#page-info');
    const typeParam = pick ? `&type=${encodeURIComponent(pick.type)}` : '';
    const placed = (await api(`/api/events?bbox=-180,-90,180,90&limit=1${typeParam}`)).total;
    check('filtering to the whole-world view keeps the placed events', placed > 0 && areaInfo.endsWith(`of ${placed}`), `(${areaInfo}, want ${placed})`);
    check('the area filter shows as a chip', await page.isVisible('#area-chip'));
    await page.click('#area-clear');
    await page.waitForSelector('body[data-loaded="true"]');
    check('clearing the area hides the chip', !(await page.isVisible('#area-chip')));

    // --- open an event from the table; its evidence is highlighted
    const firstId = await page.getAttribute('#events-table tbody tr[data-event-id]', 'data-event-id');
    await page.click('#events-table tbody tr[data-event-id]');
    await page.waitForSelector(`body[data-event-loaded]`);
    check('the event view replaces the overview', !(await page.isVisible('#overview')) && await page.isVisible('#event-view'));
    const detail = await api('/api/events/' + encodeURIComponent(firstId));
    const shown = await page.textContent('#doc-text');
    check('event view shows the document text unaltered', shown === detail.document.text);
    const spans = Object.values(detail.event.evidence).filter((e) => Number.isInteger(e.start)).length;
    const marks = await page.locator('#doc-text mark.ev').count();
    check('evidence is highlighted in the text', spans === 0 || marks > 0, `(${marks} marks for ${spans} spans)`);
    const markedFields = await page.$$eval('#doc-text mark.ev', (ms) => [...new Set(ms.flatMap((m) => m.dataset.fields.split(' ')))]);
    const textFields = Object.entries(detail.event.evidence).filter(([, e]) => Number.isInteger(e.start) && e.end > e.start).map(([f]) => f);
    check('every text-evidence field has a highlight', textFields.every((f) => markedFields.includes(f)), `${textFields} vs ${markedFields}`);
    await page.screenshot({ path: join(outDir, 'event.png'), fullPage: true });

    // --- back to the overview, then a map point opens an event
    await page.click('#back');
    await page.waitForSelector('#overview:not([hidden])');
    await page.click('#clear-filters');
    await page.waitForSelector('body[data-loaded="true"]');
    await page.$eval('#map circle.point', (c) => c.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await page.waitForSelector('body[data-event-loaded]');
    check('clicking a map point opens its event', await page.isVisible('#event-view'));

    // --- the hostile article: markup shows as text, never runs
    await page.goto(`${base}/#event/${encodeURIComponent(hostileId)}`);
    await page.waitForFunction((id) => document.body.dataset.eventLoaded === id, hostileId);
    const hostileText = await page.textContent('#doc-text');
    check('an article\'s <script> shows as text', hostileText.includes(SCRIPT_TEXT));
    check('no script element came from the article', (await page.locator('#doc-text script').count()) === 0);
    check('the article\'s script did not run', await page.evaluate(() => window.__pwned === undefined));
    check('the hostile article\'s evidence is highlighted', (await page.locator('#doc-text mark.ev').count()) > 0);
    await page.screenshot({ path: join(outDir, 'hostile.png'), fullPage: true });

    // --- control timelines (the demo's Tal Afar recapture)
    await page.click('#nav-control');
    await page.waitForFunction(() => document.body.dataset.controlLoaded === '*');
    const places = await page.$$eval('#control-places tbody tr[data-place]', (rows) => rows.map((r) => r.dataset.place));
    if (check('control page lists places', places.length > 0, JSON.stringify(places))) {
      await page.click('#control-places tbody tr[data-place]');
      await page.waitForFunction((p) => document.body.dataset.controlLoaded === p, places[0]);
      const segments = await page.locator('#control-timelines .control-band rect').count();
      check('a place shows its control band', segments > 0, `(${segments})`);
      const links = await page.locator('#control-timelines a[href^="#event/"]').count();
      check('each change links to its event', links === segments, `(${links} links, ${segments} changes)`);
      await page.screenshot({ path: join(outDir, 'control.png'), fullPage: true });
    }

    // --- leadership losses (the extra Bama article)
    await page.click('#nav-leaders');
    await page.waitForFunction(() => document.body.dataset.leadersLoaded === '*');
    const groups = await page.$$eval('#leader-groups tbody tr[data-group]', (rows) => rows.map((r) => r.dataset.group).filter(Boolean));
    if (check('leaders page lists groups', groups.length > 0, JSON.stringify(groups))) {
      await page.click(`#leader-groups tbody tr[data-group="${groups[0].replace(/"/g, '\\"')}"]`);
      await page.waitForFunction((g) => document.body.dataset.leadersLoaded === g, groups[0]);
      const leaders = await page.$$eval('#leader-losses tbody tr[data-leader]', (rows) => rows.map((r) => r.dataset.leader));
      check('a group shows its lost leaders', leaders.includes('Abubakar Kaka'), JSON.stringify(leaders));
      const marked = await page.$$eval('#leader-losses mark.ev', (ms) => ms.map((m) => m.textContent));
      check('the leader is highlighted in the sentence', marked.includes('Abubakar Kaka'), JSON.stringify(marked));
      await page.screenshot({ path: join(outDir, 'leaders.png'), fullPage: true });
    }

    check('no JavaScript errors', pageErrors.length === 0, JSON.stringify(pageErrors));
    check('nothing fetched from outside the server', offsite.length === 0, JSON.stringify(offsite));
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (err) {
  failed++;
  console.log(`not ok - ${err.message}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
