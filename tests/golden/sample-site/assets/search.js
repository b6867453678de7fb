// The search page. The index is in parts, one per month (pagefind/parts.json lists them, newest first);
// Pagefind searches them as one (mergeIndex). The first results come from the newest months; the older
// ones are merged after them, and the results are shown again when they are all in. A part that cannot
// be loaded is left out with a notice; the rest of the archive stays searchable.
const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const results = document.getElementById("search-results");
const notice = document.getElementById("search-notice");
const FILTERS = ["year", "month", "page", "topic", "author"];
const FIRST_PARTS = 3; // months searched for the first results; the older ones are merged after them
const PAGE_SIZE = 20;
const SCAN_LIMIT = 4; // results looked at for each one shown, at most (see Answer)
const TYPING_PAUSE_MS = 120;
const DATE = { date: "desc" };
const CHINESE = /[\u3400-\u9fff\uf900-\ufaff]/u;
const CHINESE_RUN = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function status(text, className = "search-status") {
  results.replaceChildren(element("p", text, className));
}

// A part is usable when its entry names the article count parts.json promised and its metadata is a
// Pagefind file; Pagefind itself would only log a broken part and then fail every search.
async function usable(bundle, part) {
  try {
    const entry = await (await fetch(`${bundle}${part.path}pagefind-entry.json?ts=${part.digest}`)).json();
    const language = Object.values(entry.languages)[0];
    if (!language || language.page_count !== part.articles) return false;
    const meta = await fetch(`${bundle}${part.path}pagefind.${language.hash}.pf_meta`);
    if (!meta.ok) return false;
    const stream = meta.body.pipeThrough(new DecompressionStream("gzip"));
    const reader = stream.getReader();
    const { value } = await reader.read();
    reader.cancel();
    return new TextDecoder().decode(value.slice(0, 12)) === "pagefind_dcd";
  } catch {
    return false;
  }
}

class Archive {
  constructor(bundle, base) {
    this.bundle = bundle;
    this.base = base;
    this.failed = [];
    this.parts = [];
    this.complete = false;
  }

  // Load parts.json and the newest usable part as Pagefind's primary index, then the next few.
  async open() {
    const manifest = await (await fetch(`${this.bundle}parts.json`, { cache: "no-cache" })).json();
    this.parts = manifest.parts;
    const queue = [...this.parts];
    while (queue.length && !this.pagefind) {
      const part = queue.shift();
      if (await usable(this.bundle, part)) {
        // Every part has Pagefind's script; the one imported finds its index beside it, and a part that
        // failed to start as the primary leaves a module of its own behind, not the next one's.
        const pagefind = await import(`${this.bundle}${part.path}pagefind.js`);
        await pagefind.options({ baseUrl: this.base, metaCacheTag: part.digest });
        try {
          await pagefind.init();
          this.pagefind = pagefind;
          continue;
        } catch {
          // reported below with the other parts left out
        }
      }
      this.failed.push(part);
    }
    const first = queue.splice(0, FIRST_PARTS - 1);
    await Promise.all(first.map((part) => this.merge(part)));
    this.queue = queue;
    this.complete = !queue.length;
  }

  // Merge the older parts, once: after the first results are shown, so that they wait only for the newest.
  mergeRest() {
    this.rest ??= (async () => {
      for (const part of this.queue) await this.merge(part);
      this.complete = true;
    })();
    return this.rest;
  }

  async merge(part) {
    if (await usable(this.bundle, part)) {
      try {
        await this.pagefind.mergeIndex(this.bundle + part.path, { baseUrl: this.base, metaCacheTag: part.digest });
        return;
      } catch {
        // left out below
      }
    }
    this.failed.push(part);
  }

  // The results for ``query``: ``take(n)`` gives the next n, with their data, in the order asked for, and
  // ``count()`` how many were found so far (``done`` once all are known).
  async search(query) {
    const filters = {};
    for (const name of FILTERS) if (query[name]) filters[name] = query[name];
    const loaded = this.parts.filter((part) => !this.failed.includes(part));
    const terms = searchTerms(query.q);
    let candidates = [];
    if (query.sort !== "date" || loaded.length === 1) {
      const sort = query.sort === "date" ? { sort: DATE } : {};
      for (const term of terms) candidates.push(...(await this.pagefind.search(term, { filters, ...sort })).results);
      if (query.sort === "date") candidates.sort((a, b) => b.score - a.score);
    } else {
      // Sorted by date, Pagefind scores each part's results by their position within that part, so the
      // merged list of several parts interleaves months: the results are taken month by month, newest first.
      const months = query.month ? [query.month] : loaded.map((part) => part.period);
      for (const month of months) {
        const inMonth = [];
        for (const term of terms) {
          inMonth.push(...(await this.pagefind.search(term, { filters: { ...filters, month }, sort: DATE })).results);
        }
        candidates.push(...inMonth.sort((a, b) => b.score - a.score));
      }
    }
    const seen = new Set();
    candidates = candidates.filter((result) => !seen.has(result.id) && seen.add(result.id));
    return new Answer(candidates, terms.length > 1 ? query.q : null);
  }
}

// What to ask Pagefind for a query. The browser cuts a Chinese query into words with Intl.Segmenter and
// Pagefind's index was cut with its own dictionary: 分公司 is one word in the index and 分|公司 in the
// query, and then only pages that also have 公司 on its own match. So a Chinese query the browser cuts in
// several words is also asked for by its first character, which finds every word it starts.
function searchTerms(query) {
  if (query === null || !CHINESE_RUN.test(query)) return [query];
  const words = [...new Intl.Segmenter("zh", { granularity: "word" }).segment(query)].filter((w) => w.isWordLike);
  return words.length > 1 ? [query, query[0]] : [query];
}

// When the query was cut into several words, a result is kept only if its text holds each Chinese term of
// the query as typed: Pagefind also returns pages with only some of the words when no page has them all,
// and the first-character search above finds many pages that do not hold the query.
class Answer {
  constructor(candidates, query) {
    this.candidates = candidates;
    this.next = 0;
    this.kept = 0;
    this.terms = (query || "").split(/\s+/).filter((term) => CHINESE.test(term));
  }

  get done() {
    return this.next >= this.candidates.length;
  }

  async take(count) {
    const taken = [];
    const last = this.next + count * SCAN_LIMIT; // a bound on the fragments one click loads
    while (taken.length < count && !this.done && this.next < last) {
      const batch = this.candidates.slice(this.next, this.next + count - taken.length);
      this.next += batch.length;
      const data = await Promise.all(batch.map((result) => result.data()));
      taken.push(...data.filter((item) => this.holds(item)));
    }
    this.kept += taken.length;
    return taken;
  }

  holds(item) {
    const text = item.content.replace(/[\s\u200b]/g, "");
    return this.terms.every((term) => text.includes(term));
  }
}

function queryFromForm() {
  const values = Object.fromEntries(new FormData(form));
  const query = { q: (values.q || "").trim(), sort: values.sort || "" };
  for (const name of FILTERS) query[name] = (values[name] || "").trim();
  return query;
}

function showQueryInUrl(query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
}

function fillFormFromUrl() {
  const params = new URLSearchParams(window.location.search);
  for (const name of ["q", "sort", ...FILTERS]) {
    const control = form.elements[name];
    const value = params.get(name) || "";
    if (control.tagName === "SELECT" && value && ![...control.options].some((option) => option.value === value)) {
      control.append(new Option(value, value)); // a value the index will offer once it is loaded
    }
    control.value = value;
  }
}

function setOptions(select, values, label) {
  const chosen = select.value;
  select.replaceChildren(new Option(label, ""), ...values.map((value) => new Option(value, value)));
  select.value = values.includes(chosen) || !chosen ? chosen : "";
}

function offerPeriods(parts) {
  const months = parts.map((part) => part.period);
  const years = [...new Set(months.map((month) => `${month.slice(0, 4)}年`))];
  setOptions(form.elements.year, years, "全部年份");
  const monthSelect = form.elements.month;
  const chosen = monthSelect.value;
  monthSelect.replaceChildren(new Option("全部月份", ""), ...parts.map((part) => new Option(part.label, part.period)));
  monthSelect.value = months.includes(chosen) ? chosen : "";
  const pages = [...new Set(parts.flatMap((part) => part.pages))];
  pages.sort((a, b) => parseInt(a.replace(/^\D+/, ""), 10) - parseInt(b.replace(/^\D+/, ""), 10) || a.localeCompare(b));
  setOptions(form.elements.page, pages, "全部版面");
}

function excerptOf(item) {
  const excerpt = element("p", "", "search-excerpt");
  // Pagefind marks matches with <mark>; rebuild them as text nodes instead of trusting its HTML.
  for (const [index, part] of item.excerpt.split(/<\/?mark>/).entries()) {
    const text = new DOMParser().parseFromString(part, "text/html").body.textContent;
    excerpt.append(index % 2 ? element("mark", text) : document.createTextNode(text));
  }
  return excerpt;
}

function entryOf(item) {
  const entry = element("li");
  const meta = element("p", "", "search-result-meta");
  if (item.meta.date) {
    const time = element("time", item.meta.date_label || item.meta.date);
    time.dateTime = item.meta.date;
    meta.append(time);
  }
  if (item.meta.page) meta.append(document.createTextNode(` · ${item.meta.page}`));
  if (meta.childNodes.length) entry.append(meta);
  if (item.meta.kicker) entry.append(element("p", item.meta.kicker, "search-result-kicker"));
  const link = element("a", item.meta.title || item.url);
  link.href = item.url;
  entry.append(link, excerptOf(item));
  return entry;
}

async function render(answer, archive) {
  const list = element("ol", "", "search-results-list");
  const count = element("p", "", "search-count");
  const pending = archive.complete ? "" : "（正在检索更早的月份…）"; // on the same line: nothing moves after
  const more = element("button", "显示更多结果", "search-more");
  more.type = "button";
  const showMore = async () => {
    list.append(...(await answer.take(PAGE_SIZE)).map(entryOf));
    more.hidden = answer.done;
    if (!answer.kept) count.textContent = "没有找到相关文章" + pending;
    else count.textContent = (answer.done ? `找到 ${answer.kept} 篇文章` : `已找到 ${answer.kept} 篇文章，还有更多`) + pending;
  };
  more.addEventListener("click", showMore);
  await showMore();
  results.replaceChildren(count, list, more);
}

function showFailures(archive) {
  if (!archive.failed.length) return;
  const months = archive.failed.map((part) => part.label).join("、");
  notice.textContent = `部分索引无法加载，以下月份的文章暂时搜不到：${months}。其余报道可以照常搜索。`;
  notice.hidden = false;
}

async function main() {
  fillFormFromUrl();
  const archive = new Archive(results.dataset.bundle, results.dataset.base);
  if (input.value.trim()) status("正在搜索…");
  try {
    await archive.open();
  } catch (error) {
    status("搜索暂时不可用，请按日期或专题浏览。");
    throw error;
  }
  if (!archive.pagefind) {
    status("搜索暂时不可用，请按日期或专题浏览。");
    showFailures(archive);
    return;
  }
  offerPeriods(archive.parts.filter((part) => !archive.failed.includes(part)));
  fillFormFromUrl();
  showFailures(archive);
  let latest = 0;
  const run = async () => {
    const query = queryFromForm();
    showQueryInUrl(query);
    const ticket = ++latest;
    if (!query.q && !FILTERS.some((name) => query[name])) {
      results.replaceChildren();
      return;
    }
    const wasComplete = archive.complete;
    const answer = await archive.search({ ...query, q: query.q || null });
    if (ticket !== latest) return;
    await render(answer, archive);
    results.dataset.state = wasComplete ? "complete" : "partial";
    if (!wasComplete) {
      await archive.mergeRest();
      showFailures(archive);
      if (ticket === latest) await run();
    }
  };
  let timer;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_PAUSE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  results.dataset.ready = "";
  await run();
}

if (form && results && input) await main();
