// Opens a notebook in Jupyter's classic Notebook UI with headless Chromium, runs all cells as a
// student would (Cell > Run All) and reports what the page shows: errors, and whether the chart
// images were really rendered by the browser (decoded, with a size), not just present in JSON.
//
// Usage: node run_notebook.mjs URL SCREENSHOT.png RESULT.json
//   URL: http://127.0.0.1:PORT/notebooks/NAME.ipynb?token=TOKEN
// Only 127.0.0.1 is ever contacted: every other request is aborted.
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';

const [url, screenshot, resultFile] = process.argv.slice(2);
if (!url || !screenshot || !resultFile) {
  console.error('usage: node run_notebook.mjs URL SCREENSHOT.png RESULT.json');
  process.exit(2);
}
const timeoutMs = Number(process.env.JOTTER_BROWSER_TIMEOUT_MS || 300000);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage'],
});
const result = { ok: false, blocked: [], consoleErrors: [] };
try {
  // A fresh context is a fresh profile: no state from earlier runs.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', route => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1') return route.continue();
    result.blocked.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', m => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  if (!response || !response.ok()) {
    throw new Error(`the Notebook server answered ${response && response.status()} for ${url.replace(/token=.*/, 'token=...')}`);
  }
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel
      && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120000 });
  result.kernel = await page.evaluate(() => Jupyter.notebook.kernel.name);
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  // Done when no cell is queued or running ('*') and every code cell has a number, or a cell failed.
  await page.waitForFunction(() => {
    const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
    const failed = code.some(c => c.output_area.outputs.some(o => o.output_type === 'error'));
    const done = code.every(c => typeof c.input_prompt_number === 'number');
    return failed || done;
  }, null, { timeout: timeoutMs, polling: 500 });
  const state = await page.evaluate(() => {
    const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
    const errors = [];
    code.forEach((c, i) => c.output_area.outputs.filter(o => o.output_type === 'error')
        .forEach(o => errors.push(`cell ${i + 1}: ${o.ename}: ${o.evalue}`)));
    return { cells: code.length, ran: code.filter(c => typeof c.input_prompt_number === 'number').length, errors };
  });
  Object.assign(result, state);
  // Wait for the browser to decode every PNG, then measure what it drew.
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.output_png img')).every(i => i.complete),
      null, { timeout: 30000 });
  result.images = await page.$$eval('.output_png img', imgs => imgs.map(i => ({
    width: i.naturalWidth, height: i.naturalHeight, shownWidth: i.getBoundingClientRect().width })));
  result.htmlTables = await page.$$eval('.output_html table', t => t.length);
  const chart = await page.$('.output_png img');
  if (chart) await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot });
  result.ok = state.errors.length === 0 && state.ran === state.cells;
} catch (e) {
  result.error = String(e && e.stack || e);
} finally {
  writeFileSync(resultFile, JSON.stringify(result, null, 1));
  await browser.close();
}
process.exit(result.ok ? 0 : 1);
