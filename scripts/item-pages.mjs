// Writes each card's and chart's own page (items/<id>.<lang>.html) and its oEmbed data
// (items/<id>.<lang>.oembed.json), and puts the dashboard's link-preview tags into index.html.
// Used by the post-build hook (scripts/post-build.mjs) after the embed page is built: an item
// page is the embed's page (its script, wasm and stylesheet) with the item's prerendered content
// and its share tags. The native prerenderer (`prerender items`) has already drawn the social
// card images and wrote the content, sentences and embed codes this needs.
//
// Addresses: link-preview crawlers need absolute URLs. The build setting SITE_URL (the app's
// public address, e.g. https://example.org/bac-giang/) makes them so; without it the tags stay
// relative and the build says which.
import fs from 'node:fs';
import path from 'node:path';

/// SITE_URL as the app's folder address ending in `/`, or '' when unset. Anything but an
/// absolute http(s) address is an error: a typo would otherwise reach every preview.
export function siteAddress(value) {
  if (!value) return '';
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL is not an absolute address: ${JSON.stringify(value)} (e.g. https://example.org/bac-giang/)`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new Error(`SITE_URL must be http or https: ${value}`);
  if (url.search || url.hash) throw new Error(`SITE_URL must not have a query or fragment: ${value}`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/// Text for a double-quoted attribute.
export const attr = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/// The tags a link preview reads (Open Graph, X's card), for a page at `pageUrl` whose image is
/// `imageUrl` (both absolute, or relative to the page itself).
export function shareTags({ title, description, pageUrl, imageUrl, imageAlt, locale, siteName }) {
  const meta = (key, name, content) => `<meta ${key}="${name}" content="${attr(content)}">`;
  // What Open Graph and X's card both say, each in its own vocabulary.
  const both = [['title', title], ['description', description], ['image', imageUrl], ['image:alt', imageAlt]];
  return [
    meta('name', 'description', description),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:site_name', siteName),
    meta('property', 'og:url', pageUrl),
    meta('property', 'og:locale', locale),
    ...both.map(([k, v]) => meta('property', `og:${k}`, v)),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', '1200'),
    meta('property', 'og:image:height', '630'),
    meta('name', 'twitter:card', 'summary_large_image'),
    ...both.map(([k, v]) => meta('name', `twitter:${k}`, v)),
  ].join('');
}

const LOCALES = { vi: 'vi_VN', en: 'en_GB' };

/// The item page from the built embed page (`embedHtml`, minified by Trunk).
export function itemPage(embedHtml, item, site, siteName) {
  const own = (file) => (site ? site + file : path.posix.basename(file));
  const root = `<html data-view=embed lang=vi>`;
  if (!embedHtml.includes(root)) throw new Error(`item pages: embed.html no longer starts with ${root}`);
  const noscript = embedHtml.match(/<noscript>[\s\S]*?<\/noscript>/)?.[0];
  if (!noscript) throw new Error('item pages: embed.html has no <noscript> fallback to replace');
  const head = [
    // Every address in the page is the app folder's, as in embed.html.
    '<base href="../">',
    `<title>${attr(item.title)}</title>`,
    shareTags({
      title: item.heading,
      description: item.description,
      pageUrl: own(item.page),
      imageUrl: own(item.image),
      imageAlt: item.description,
      locale: LOCALES[item.lang],
      siteName,
    }),
    site ? `<link rel="canonical" href="${attr(site + item.page)}">` : '',
    `<link rel="alternate" type="application/json+oembed" href="${attr((site || '') + item.oembed)}" title="${attr(item.heading)}">`,
    // The same item in the other language (hreflang only with absolute addresses, the only
    // ones search engines take).
    ...Object.keys(LOCALES).filter((l) => l !== item.lang).map((l) => {
      const other = item.page.replace(`.${item.lang}.html`, `.${l}.html`);
      return (site ? `<link rel="alternate" hreflang="${l}" href="${attr(site + other)}">` : '')
        + `<meta property="og:locale:alternate" content="${LOCALES[l]}">`;
    }),
  ].join('');
  let html = embedHtml
    .replace(root, `<html data-view=embed data-item=${item.id} lang=${item.lang}>`)
    // Item pages are for sharing and searching, unlike embed.html.
    .replace(/<meta content=noindex name=robots>/, '')
    .replace(/<title>[^<]*<\/title>/, head)
    .replace(noscript, item.body);
  if (!html.includes('<base href="../">') || !html.includes(item.body)) throw new Error(`item pages: could not write ${item.page}`);
  return html;
}

/// The oEmbed response (https://oembed.com, section 2.3.4): a `rich` embed whose HTML is the
/// snippet, with the social card as its thumbnail.
export function oembed(item, site, siteName) {
  return {
    version: '1.0',
    type: 'rich',
    title: item.heading,
    provider_name: siteName,
    provider_url: site || 'index.html',
    html: item.snippet,
    width: 640,
    height: item.height,
    thumbnail_url: (site || '') + item.image,
    thumbnail_width: 1200,
    thumbnail_height: 630,
  };
}

/// The dashboard's two pages: Vietnamese (the default) and English, relative to the app's folder.
export const DASHBOARD_PAGES = { vi: 'index.html', en: 'en/index.html' };

/// Writes the item pages and oEmbed files into `dir`. `share` is the prerenderer's output.
export function writeItemPages(dir, share, site) {
  const embedHtml = fs.readFileSync(path.join(dir, 'embed.html'), 'utf8');
  const vi = share.dashboard.find((d) => d.lang === 'vi');
  for (const item of share.items) {
    fs.writeFileSync(path.join(dir, item.page), itemPage(embedHtml, item, site, vi.title));
    fs.writeFileSync(path.join(dir, item.oembed), `${JSON.stringify(oembed(item, site, vi.title))}\n`);
  }
}

/// The dashboard's page in `lang` from the built page `html` holding that language's content:
/// its language, title and description (English: the page's own; the Vietnamese page keeps the
/// bilingual ones it is written with), its link-preview tags (when `share`, the prerenderer's
/// output, is at hand), its canonical address and, with a site address, the other language's
/// page (hreflang). The English page's addresses are the app folder's (`<base>`), like the
/// item pages'.
export function dashboardPage(html, share, site, lang) {
  const own = share?.dashboard.find((d) => d.lang === lang);
  const url = (file) => (site || '') + (site && file === 'index.html' ? '' : file);
  // hreflang only with absolute addresses: search engines ignore relative ones (and
  // Lighthouse counts them as errors).
  let tags = !site ? '' : Object.entries(DASHBOARD_PAGES).map(([l, file]) => `<link rel="alternate" hreflang="${l}" href="${attr(url(file))}">`).join('')
    + `<link rel="alternate" hreflang="x-default" href="${attr(url(DASHBOARD_PAGES.vi))}">`;
  if (own) {
    tags = shareTags({
      title: own.title,
      description: own.description,
      pageUrl: url(DASHBOARD_PAGES[lang]),
      imageUrl: (site || '') + own.image,
      imageAlt: own.description,
      locale: LOCALES[lang],
      siteName: own.title,
    }).replace(/^<meta name="description"[^>]*>/, '')
      + (site ? `<link rel="canonical" href="${attr(url(DASHBOARD_PAGES[lang]))}">` : '') + tags;
  }
  let page = html;
  if (lang !== 'vi') {
    page = page.replace(/<html([^>]*) lang=vi([ >])/, `<html$1 lang=${lang}$2`).replace('<title>', '<base href="../"><title>');
    if (own) {
      page = page.replace(/<title>[^<]*<\/title>/, () => `<title>${attr(own.title)}</title>`)
        .replace(/<meta content="[^"]*" name=description>|<meta name=description content="[^"]*">/, () => `<meta name=description content="${attr(own.description)}">`);
    }
  }
  page = page.replace('</title>', () => `</title>${tags}`);
  if (!new RegExp(`<html[^>]* lang=${lang}[ >]`).test(page) || !page.includes(tags)) throw new Error(`item pages: could not write the ${lang} dashboard page`);
  return page;
}
