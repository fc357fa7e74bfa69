// scripts/item-pages.mjs: item pages are the embed's page with the item's content and share
// tags; oEmbed data follows the spec; SITE_URL makes every preview address absolute. Run with
// `node --test tests/scripts/`.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dashboardPage, itemPage, oembed, siteAddress, writeItemPages } from '../../scripts/item-pages.mjs';

// embed.html as Trunk's minifier writes it (the shape the build reads).
const EMBED = '<!doctype html><html data-view=embed lang=vi><meta charset=utf-8><title>Kinh tế Bắc Giang · Bắc Giang\'s economy</title>'
  + '<meta content=noindex name=robots><link href=public/favicon.svg rel=icon type=image/svg+xml>'
  + '<script type=module src=./bac-giang-embed-1.js integrity=sha384-x crossorigin></script></head>'
  + '<body><noscript><p class=load-error>needs JavaScript</p></noscript></body></html>';
const ITEM = {
  id: 'park-land', lang: 'en', page: 'items/park-land.en.html', image: 'items/park-land.en.png',
  oembed: 'items/park-land.en.oembed.json', heading: 'Land "in" parks', title: 'Land "in" parks · Bắc Giang\'s economy',
  description: 'Land in parks: 2,474.8 ha — Viet Nam News (VNS)', body: '<main class="embed">…</main>',
  height: 420, snippet: '<iframe src="items/park-land.en.html" title="Land" height="420"></iframe>',
};

test('SITE_URL must be an absolute http(s) folder address', () => {
  assert.equal(siteAddress(''), '');
  assert.equal(siteAddress(undefined), '');
  assert.equal(siteAddress('https://example.org/bg'), 'https://example.org/bg/');
  assert.equal(siteAddress('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080/');
  assert.throws(() => siteAddress('example.org/bg'), /absolute/);
  assert.throws(() => siteAddress('ftp://example.org/'), /http/);
  assert.throws(() => siteAddress('https://example.org/?x=1'), /query/);
});

test('an item page is the embed page with its item, its language and its share tags', () => {
  const html = itemPage(EMBED, ITEM, '', 'Kinh tế Bắc Giang');
  assert.match(html, /<html data-view=embed data-item=park-land lang=en>/);
  assert.ok(html.includes(ITEM.body) && !html.includes('<noscript>'));
  assert.ok(!html.includes('noindex'), 'item pages are for sharing and searching');
  assert.ok(html.includes('<base href="../">'));
  assert.ok(html.includes('<title>Land &quot;in&quot; parks · Bắc Giang\'s economy</title>'));
  assert.ok(html.includes('<meta property="og:title" content="Land &quot;in&quot; parks">'));
  assert.ok(html.includes(`<meta name="description" content="${ITEM.description}">`));
  // Without SITE_URL, previews' addresses are the page's neighbours; links resolve from <base>.
  assert.ok(html.includes('<meta property="og:image" content="park-land.en.png">'));
  assert.ok(html.includes('<meta name="twitter:card" content="summary_large_image">'));
  assert.ok(html.includes('<link rel="alternate" type="application/json+oembed" href="items/park-land.en.oembed.json"'));
  assert.ok(!html.includes('canonical'));
  // The same item in the other language.
  // hreflang needs absolute addresses: only with SITE_URL.
  assert.ok(!html.includes('hreflang'));
  assert.ok(html.includes('<meta property="og:locale" content="en_GB">'));
  assert.ok(html.includes('<meta property="og:locale:alternate" content="vi_VN">'));
  // The page's script and stylesheet stay as built.
  assert.ok(html.includes('src=./bac-giang-embed-1.js integrity=sha384-x'));
});

test('with SITE_URL every preview address is absolute', () => {
  const site = 'https://example.org/bg/';
  const html = itemPage(EMBED, ITEM, site, 'Kinh tế Bắc Giang');
  for (const [tag, url] of [['og:image', 'items/park-land.en.png'], ['og:url', 'items/park-land.en.html']]) {
    assert.ok(html.includes(`<meta property="${tag}" content="${site}${url}">`), tag);
  }
  assert.ok(html.includes(`<meta name="twitter:image" content="${site}items/park-land.en.png">`));
  assert.ok(html.includes(`<link rel="canonical" href="${site}items/park-land.en.html">`));
  assert.ok(html.includes(`href="${site}items/park-land.en.oembed.json"`));
  const o = oembed(ITEM, site, 'Kinh tế Bắc Giang');
  assert.equal(o.thumbnail_url, `${site}items/park-land.en.png`);
  assert.equal(o.provider_url, site);
});

test('oEmbed data is a rich embed as the spec asks', () => {
  const o = oembed(ITEM, '', 'Kinh tế Bắc Giang');
  assert.equal(o.version, '1.0');
  assert.equal(o.type, 'rich');
  for (const key of ['html', 'width', 'height', 'title', 'provider_name', 'thumbnail_url', 'thumbnail_width', 'thumbnail_height']) {
    assert.ok(o[key] !== undefined && o[key] !== '', key);
  }
  assert.equal(o.html, ITEM.snippet);
  assert.deepEqual([o.width, o.height, o.thumbnail_width, o.thumbnail_height], [640, 420, 1200, 630]);
});

const SHARE = {
  items: [ITEM, { ...ITEM, lang: 'vi', page: 'items/park-land.vi.html', oembed: 'items/park-land.vi.oembed.json', image: 'items/park-land.vi.png' }],
  dashboard: [{ lang: 'vi', image: 'share.vi.png', title: 'Kinh tế Bắc Giang', description: 'Tăng trưởng qua các con số' },
    { lang: 'en', image: 'share.en.png', title: 'Bắc Giang\'s economy', description: 'Growth in figures' }],
};

test('the build writes every page and oEmbed file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'items-'));
  fs.mkdirSync(path.join(dir, 'items'));
  fs.writeFileSync(path.join(dir, 'embed.html'), EMBED);
  writeItemPages(dir, SHARE, '');
  for (const f of ['items/park-land.en.html', 'items/park-land.vi.html', 'items/park-land.vi.oembed.json']) {
    assert.ok(fs.existsSync(path.join(dir, f)), f);
  }
  assert.match(fs.readFileSync(path.join(dir, 'items/park-land.vi.html'), 'utf8'), /data-item=park-land lang=vi>/);
  fs.rmSync(dir, { recursive: true });
});

// index.html as Trunk's minifier writes it, with the content rendered for it.
const INDEX = '<!doctype html><html lang=vi><meta charset=utf-8><meta content="Kinh tế · economy" name=description>'
  + '<title>Kinh tế · economy</title></head><body><a href="#content" class="skip">…</a>';

test('each language has its dashboard page: its language, title, share tags and hreflang to the other', () => {
  const vi = dashboardPage(INDEX, SHARE, '', 'vi');
  assert.ok(vi.includes('<meta property="og:image" content="share.vi.png">'));
  assert.ok(vi.includes('<title>Kinh tế · economy</title>'), 'the default page keeps its bilingual title');
  assert.equal(vi.match(/name="?description/g).length, 1, 'the page keeps its one description');
  const en = dashboardPage(INDEX, SHARE, 'https://example.org/bg/', 'en');
  assert.match(en, /^<!doctype html><html lang=en>/);
  assert.ok(en.includes('<base href="../"><title>Bắc Giang\'s economy</title>'));
  assert.ok(en.includes('<meta name=description content="Growth in figures">'));
  assert.ok(en.includes('<meta property="og:url" content="https://example.org/bg/en/index.html">'));
  assert.ok(en.includes('<link rel="canonical" href="https://example.org/bg/en/index.html">'));
  const viSite = dashboardPage(INDEX, SHARE, 'https://example.org/bg/', 'vi');
  for (const page of [viSite, en]) {
    assert.ok(page.includes('hreflang="vi"') && page.includes('hreflang="en"') && page.includes('hreflang="x-default"'));
  }
  assert.ok(en.includes('<link rel="alternate" hreflang="vi" href="https://example.org/bg/">'));
  assert.ok(viSite.includes('<link rel="alternate" hreflang="en" href="https://example.org/bg/en/index.html">'));
  // Search engines take only absolute addresses: without SITE_URL, no hreflang.
  assert.ok(!vi.includes('hreflang'));
  // Without the share data (no embed page built): still both pages, linked.
  assert.match(dashboardPage(INDEX, null, 'https://example.org/bg/', 'en'), /<html lang=en>.*hreflang="vi" href="https:\/\/example.org\/bg\/"/s);
  assert.match(dashboardPage(INDEX, null, '', 'en'), /^<!doctype html><html lang=en>/);
});
