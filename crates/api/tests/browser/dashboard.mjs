// End-to-end test of the dashboard in headless Chromium.
// Usage: node dashboard.mjs SERVE_BINARY DB SCREENSHOT_PATH
// Starts the server on 127.0.0.1 (free port) over DB, loads the dashboard, checks the
// map, the type filter, the week filter and the event panel's highlighted evidence,
// saves a screenshot, and exits non-zero on any failure. No request may leave 127.0.0.1.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [serveBinary, db, screenshot] = process.argv.slice(2);
if (!serveBinary || !db || !screenshot) {
  console.error("usage: node dashboard.mjs SERVE_BINARY DB SCREENSHOT_PATH");
  process.exit(2);
}

function fail(message) {
  throw new Error(message);
}

function startServer() {
  const server = spawn(serveBinary, [db, "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new Error("the server did not start within 30 s")), 30000);
    server.stdout.on("data", (chunk) => {
      buffer += chunk;
      const match = buffer.match(/listening on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) { clearTimeout(timer); resolve(match[1]); }
    });
    server.on("exit", (code) => { clearTimeout(timer); reject(new Error(`the server exited with ${code}`)); });
  });
  return { server, url };
}

const userDataDir = mkdtempSync(join(tmpdir(), "tocsin-chromium-"));
const { server, url: urlPromise } = startServer();
let browser;
let exitCode = 0;
try {
  const base = await urlPromise;
  // A persistent context is how Playwright takes a fresh --user-data-dir.
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (message) => { if (message.type() === "error") problems.push(`console: ${message.text()}`); });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.route("**/*", (route) => {
    const target = new URL(route.request().url());
    if (target.hostname !== "127.0.0.1") {
      problems.push(`external request: ${route.request().url()}`);
      return route.abort();
    }
    return route.continue();
  });

  // First load: navigation start to markers drawn.
  const started = Date.now();
  await page.goto(base + "/", { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 30000 });
  const wallMs = Date.now() - started;
  const drawnMs = await page.evaluate(() => window.tocsinMapDrawnAt);
  console.log(`first load: map drawn ${Math.round(drawnMs)} ms after navigation start (wall clock ${wallMs} ms)`);

  const nMarkers = await page.locator("path.event-marker").count();
  const nClusters = await page.locator(".cluster").count();
  const nBorders = await page.locator("path.leaflet-interactive, .leaflet-overlay-pane path").count();
  console.log(`map: ${nMarkers} circle markers, ${nClusters} clusters, ${nBorders} paths`);
  if (nMarkers + nClusters === 0) fail("no markers or clusters on the map");
  if (nBorders < 50) fail("country borders were not drawn");
  const nRows = await page.locator("#events tbody tr").count();
  const allTotal = Number(await page.evaluate(() => document.body.dataset.total));
  if (nRows === 0) fail("the events table is empty");
  const weeks = await page.locator("#timeline rect.bar").count();
  if (weeks < 4) fail(`the timeline has ${weeks} weeks`);

  // Filter by event type.
  await page.selectOption("#f-type", "Protests");
  await page.waitForFunction(() => document.body.dataset.loading === "", null, { timeout: 15000 });
  await page.waitForFunction(() => [...document.querySelectorAll("#events tbody tr td:nth-child(2)")]
    .every((cell) => cell.textContent === "Protests"), null, { timeout: 15000 });
  const protestRows = await page.locator("#events tbody tr").count();
  const protestTotal = Number(await page.evaluate(() => document.body.dataset.total));
  if (protestRows === 0 || protestTotal >= allTotal) fail(`type filter: ${protestTotal} events of ${allTotal}`);
  console.log(`type filter: ${protestTotal} protests (of ${allTotal} events)`);

  // Click a week on the timeline: the table keeps only that week.
  await page.locator("#timeline rect.bar").nth(2).click();
  await page.waitForFunction(() => document.body.dataset.loading === "" && document.querySelector("#week-note a"), null, { timeout: 15000 });
  const weekRange = await page.evaluate(() => document.querySelector("#week-note").textContent);
  const weekTotal = Number(await page.evaluate(() => document.body.dataset.total));
  console.log(`week filter: ${weekTotal} events, ${weekRange}`);
  if (weekTotal === 0 || weekTotal >= protestTotal) fail("the week filter did not narrow the events");
  await page.click("#clear-week");
  await page.selectOption("#f-type", "");
  await page.waitForFunction(() => document.body.dataset.loading === "", null, { timeout: 15000 });

  // Place search through the gazetteer.
  await page.fill("#place-q", "Dapaong");
  await page.press("#place-q", "Enter");
  await page.waitForSelector("#place-results div[data-index]", { timeout: 30000 });
  const firstPlace = await page.locator("#place-results div[data-index]").first().textContent();
  if (!firstPlace.includes("Togo")) fail(`place search: ${firstPlace}`);
  console.log(`place search: ${firstPlace}`);

  // Open a deadly battle's event panel: evidence is highlighted per field.
  await page.selectOption("#f-type", "Battles");
  await page.waitForFunction(() => document.body.dataset.loading === "" &&
    document.querySelector("#events tbody tr td:nth-child(2)")?.textContent === "Battles", null, { timeout: 15000 });
  await page.locator("#events tbody tr").first().click();
  await page.waitForSelector("#panel:not([hidden]) mark.ev", { timeout: 15000 });
  const fields = await page.locator("#panel mark.ev").evaluateAll((marks) => marks.map((m) => m.dataset.field));
  console.log(`event panel: highlighted fields ${[...new Set(fields)].join(", ")}`);
  for (const needed of ["event_date", "actor1", "location", "sub_event_type"]) {
    if (!fields.includes(needed)) fail(`the evidence for ${needed} is not highlighted`);
  }
  const confidences = await page.locator("#panel .conf-text").count();
  if (confidences === 0) fail("no confidences shown");

  await page.selectOption("#f-type", "");
  await page.waitForFunction(() => document.body.dataset.loading === "", null, { timeout: 15000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: screenshot });
  console.log(`screenshot: ${screenshot}`);
  if (problems.length) fail(problems.join("\n"));
  console.log("dashboard test: ok");
} catch (error) {
  console.error(`dashboard test failed: ${error.message}`);
  exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
  server.kill("SIGINT");
  rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(exitCode);
