// check-pages.mjs: Polisi's web pages, as a browser and a validator see them
//
// Copyright 2026 The Polisi authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
//   node check-pages.mjs [--screenshots=FOLDER] PAGE.html ...
//
// For each page:
//  - html-validate (its recommended rules): no error;
//  - opened in Chromium (headless, driven by puppeteer-core), with every
//    request but the page itself refused and counted: none may be made;
//  - axe-core with the WCAG 2.2 AA rules (wcag2a, wcag2aa, wcag21a,
//    wcag21aa, wcag22aa): no violation;
//  - at 320 CSS pixels wide (WCAG 1.4.10, reflow) the page does not
//    scroll sideways;
//  - in print, the language switch and the skip link are not shown.
// With --screenshots, a full-page PNG of each page at 1024 pixels wide.
//
// Exit status: 0 when every page passes, 1 when one fails, 77 (skipped)
// when Chromium is not there.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const SKIP = 77;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const chromiumCandidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
const chromium = chromiumCandidates.find((candidate) => candidate && fs.existsSync(candidate));
if (!chromium) {
  console.log('SKIP: Chromium is not installed (apt-get install chromium, or set CHROMIUM to its path).');
  process.exit(SKIP);
}

let screenshots = null;
const pages = [];
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('--screenshots='))
    screenshots = arg.slice('--screenshots='.length);
  else
    pages.push(path.resolve(arg));
}
if (pages.length === 0) {
  console.error('usage: node check-pages.mjs [--screenshots=FOLDER] PAGE.html ...');
  process.exit(2);
}

const { HtmlValidate } = require('html-validate');
const puppeteer = require('puppeteer-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The recommended rules, with two choices of their own made the other way:
// void elements are written <meta ... /> (the XML writer's form, which HTML
// allows and ignores), consistently; and a page's title names the policy
// and the organisation in full (WCAG 2.4.2), however long a school's name
// is, where the rule's 70 characters are advice for search results.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'void-style': ['error', { style: 'selfclose' }],
    'long-title': 'off',
  },
});
const failures = [];

function fail(page, message) {
  failures.push(`${path.basename(page)}: ${message}`);
}

for (const page of pages) {
  const report = await validator.validateFile(page);
  for (const result of report.results)
    for (const message of result.messages)
      fail(page, `html-validate ${message.ruleId} at line ${message.line}, column ${message.column}: ${message.message}`);
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  // no network at all, whatever the page asks for
  args: ['--no-sandbox', '--disable-gpu', '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>'],
});

try {
  for (const page of pages) {
    const url = pathToFileURL(page).href;
    const tab = await browser.newPage();
    const fetched = [];

    await tab.setRequestInterception(true);
    tab.on('request', (request) => {
      if (request.url() === url) {
        request.continue();
      } else {
        fetched.push(request.url());
        request.abort();
      }
    });
    await tab.setViewport({ width: 1024, height: 800 });
    await tab.goto(url, { waitUntil: 'load' });
    if (fetched.length > 0)
      fail(page, `the page asked for ${fetched.length} other resources: ${fetched.join(', ')}`);

    await tab.evaluate(axeSource);
    const results = await tab.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      return await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    }, AXE_TAGS);
    for (const violation of results.violations)
      for (const node of violation.nodes)
        fail(page, `axe ${violation.id} (${violation.impact}): ${violation.help}: ${node.target.join(' ')}: ${node.failureSummary.replace(/\s+/g, ' ')}`);
    if (results.testEngine.name !== 'axe-core' || results.passes !== undefined && results.passes.length === 0)
      fail(page, 'axe-core did not run');

    if (screenshots) {
      fs.mkdirSync(screenshots, { recursive: true });
      await tab.screenshot({ path: path.join(screenshots, path.basename(page, '.html') + '.png'), fullPage: true });
    }

    await tab.setViewport({ width: 320, height: 640 });
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0)
      fail(page, `at 320 pixels wide the page scrolls sideways by ${overflow} pixels`);

    await tab.emulateMediaType('print');
    const printed = await tab.evaluate(() =>
      [...document.querySelectorAll('.language-switch, .skip-link')]
        .filter((element) => getComputedStyle(element).display !== 'none').length);
    if (printed > 0)
      fail(page, 'the language switch or the skip link is printed');

    await tab.close();
    console.log(`checked ${path.basename(page)}`);
  }
} finally {
  await browser.close();
}

if (failures.length > 0) {
  for (const failure of failures)
    console.log(`FAIL ${failure}`);
  process.exit(1);
}
console.log(`${pages.length} pages: no html-validate error, no axe violation (${AXE_TAGS.join(', ')}), nothing fetched`);
