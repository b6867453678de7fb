// The search page. The index is in parts (pagefind/parts.json lists them, newest first: the newest
// month's weeks, then two halves per older month); Pagefind searches the parts loaded as one (mergeIndex).
// A query first searches the newest one or two parts only (of its year or month, with that filter), so its answer
// fetches little; the reader asks for older parts with 检索更早的报道. Filters with no query list their articles
// newest first, by searching the word every record holds (see epaper/search/records.py). A part that cannot
// be loaded is left out with a notice; the rest of the archive stays searchable.
// What a first answer needs is fetched ahead: the opening page checks the parts it will merge, and while the
// reader types (before the pause that starts a search) their index chunks load; the first screen of results
// shows before the rest of the page of results has loaded.
const form = document.getElementById("search-form");
const input = document.getElementById("search-query");
const results = document.getElementById("search-results");
const notice = document.getElementById("search-notice");
const FILTERS = ["year", "month", "page", "topic", "author"];
const FIRST_PARTS = 2; // searched for a query's first answer, at most
const FIRST_CHUNKS = 6; // index chunks fetched for it, at most: Pagefind fetches one per part and word
const MORE_PARTS = 3; // added by each 检索更早的报道
const PAGE_SIZE = 20;
const FIRST_SCREEN = 5; // results shown as soon as their data is in, before the rest of the page's
const TYPING_PAUSE_MS = 120;
const EXCERPT_WORDS = 60; // a Han character is a word of the index (see epaper/search/records.py)
const DATE = { date: "desc" };
const HAN_CHARACTERS = "\\u3400-\\u9fff\\uf900-\\ufaff";
const HAN = new RegExp(`([${HAN_CHARACTERS}])`, "u");
// The spaces the index puts on each side of a Han character (see epaper/search/records.py), which an
// excerpt keeps: taken out again, also beside the marks of a match (a space next to a Han character in the
// text itself goes with them).
const WORD_BREAK = new RegExp(`(?<=[${HAN_CHARACTERS}](?:</mark>)?) | (?=(?:<mark>)?[${HAN_CHARACTERS}])`, "gu");

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

// Whether ``part`` holds articles of the year or month ``query`` is filtered by (every part, unfiltered).
function inPeriod(part, query) {
  return (!query.month || part.month === query.month) && (!query.year || `${part.month.slice(0, 4)}年` === query.year);
}

class Archive {
  constructor(bundle, base) {
    this.bundle = bundle;
    this.base = base;
    this.checks = new Map();
    this.failed = [];
    this.loaded = [];
    this.loading = Promise.resolve();
    this.parts = [];
    this.queue = [];
  }

  // Whether ``part`` is usable, fetched once (see checkFirst).
  check(part) {
    if (!this.checks.has(part)) this.checks.set(part, usable(this.bundle, part));
    return this.checks.get(part);
  }

  // Whether every part that can hold results for ``query`` has been searched: with a year or month
  // filter, the parts of that period; otherwise all of them.
  complete(query) {
    return !this.queue.some((part) => inPeriod(part, query));
  }

  // Load parts.json and the newest usable part as Pagefind's primary index.
  async open() {
    const manifest = await (await fetch(`${this.bundle}parts.json`, { cache: "no-cache" })).json();
    this.parts = manifest.parts;
    this.queue = [...this.parts];
    while (this.queue.length && !this.pagefind) {
      const part = this.queue.shift();
      if (await this.check(part)) {
        // Every part has Pagefind's script; the one imported finds its index beside it, and a part that
        // failed to start as the primary leaves a module of its own behind, not the next one's.
        const pagefind = await import(`${this.bundle}${part.path}pagefind.js`);
        await pagefind.options({ baseUrl: this.base, metaCacheTag: part.digest, excerptLength: EXCERPT_WORDS });
        try {
          await pagefind.init();
          this.pagefind = pagefind;
          this.loaded.push(part);
          continue;
        } catch {
          // reported below with the other parts left out
        }
      }
      this.failed.push(part);
    }
    // Pagefind's first search in its worker sets up how it splits a query into words (Intl.Segmenter), tens
    // of milliseconds: a search for nothing does it now, and fetches nothing.
    if (this.pagefind) await this.pagefind.search("");
  }

  // Check ahead the parts that a first answer to ``query`` (its text still to come) may merge.
  checkFirst(query) {
    const searched = this.loaded.filter((part) => inPeriod(part, query)).length;
    for (const part of this.queue.filter((part) => inPeriod(part, query)).slice(0, FIRST_PARTS - searched)) {
      this.check(part);
    }
  }

  // Before the first answer: as many of the newest parts of ``query``'s period as the words of its text
  // leave room for in FIRST_CHUNKS (a Han character is a word of the index; no text searches one word).
  loadFirst(query) {
    const words = new Set((query.q || "").split(/\s+/).flatMap((word) => word.split(HAN)).filter(Boolean));
    const wanted = Math.max(1, Math.min(FIRST_PARTS, Math.floor(FIRST_CHUNKS / Math.max(words.size, 1))));
    return this.load((queue) => {
      const searched = this.loaded.filter((part) => inPeriod(part, query)).length;
      return queue.filter((part) => inPeriod(part, query)).slice(0, Math.max(0, wanted - searched));
    });
  }

  // Merge the parts ``pick`` chooses from the queue into the index searched, once the loads under way are
  // done (so that a load started while the reader types and the search after it do not pick parts twice).
  load(pick) {
    this.loading = this.loading.then(async () => {
      const parts = pick(this.queue);
      this.queue = this.queue.filter((part) => !parts.includes(part));
      await Promise.all(parts.map((part) => this.merge(part)));
      this.loaded.sort((a, b) => this.parts.indexOf(a) - this.parts.indexOf(b));
    });
    return this.loading;
  }

  loadOlder(query) {
    return this.load((queue) => queue.filter((part) => inPeriod(part, query)).slice(0, MORE_PARTS));
  }

  // Fetch what the first answer to ``query`` needs (its parts, the index chunks of its words) without
  // searching: called as the reader types, so that the pause before the search is not spent waiting.
  async prepare(query) {
    await this.loadFirst(query);
    const terms = this.termsOf(query.q);
    const searches = this.searchesOf(query);
    await Promise.all(searches.flatMap((options) => terms.map((term) => this.pagefind.preload(term, options))));
  }

  async merge(part) {
    if (await this.check(part)) {
      try {
        await this.pagefind.mergeIndex(this.bundle + part.path, { baseUrl: this.base, metaCacheTag: part.digest });
        this.loaded.push(part);
        return;
      } catch {
        // left out below
      }
    }
    this.failed.push(part);
  }

  // The Pagefind options of each search that answers ``query`` in the parts loaded: one by relevance, or,
  // sorted by date (as with no text: there is no relevance to rank by), one a part, newest first: Pagefind
  // ranks each part's results by their place within that part, so a merged list would interleave them.
  searchesOf(query) {
    const filters = filtersOf(query);
    if (query.q !== null && query.sort !== "date") return [{ filters }];
    const parts = this.loaded.filter((loaded) => inPeriod(loaded, query));
    return parts.map((part) => ({ filters: { ...filters, part: part.period }, sort: DATE }));
  }

  // The results for ``query`` in the parts loaded, in the order asked for.
  async search(query) {
    await this.loadFirst(query);
    const found = await Promise.all(this.searchesOf(query).map((options) => this.find(query.q, options)));
    return new Answer(found.flat());
  }

  // The word every record of the parts loaded holds, if each has one (not the preview's index).
  get listingWord() {
    const words = new Set(this.loaded.map((part) => part.listing_word));
    return words.size === 1 ? [...words][0] || null : null;
  }

  // What Pagefind is asked for ``text``: each word, one with Han characters as the exact phrase of its
  // characters, which the index holds as words of their own (not the preview's, made from the pages).
  // No text: the listing word, which finds every record and fetches one index chunk a part where
  // Pagefind's search for nothing fetches them all.
  termsOf(text) {
    if (text === null) return [this.listingWord];
    const characters = this.loaded.every((part) => part.characters);
    return text.split(/\s+/).map((word) => {
      const pieces = word.split(HAN).filter(Boolean);
      return characters && HAN.test(word) ? `"${pieces.join(" ")}"` : word;
    });
  }

  // The results holding every term of ``text`` (the terms searched at once), in the order of the last.
  async find(text, options) {
    const answers = await Promise.all(this.termsOf(text).map((term) => this.pagefind.search(term, options)));
    return answers.reduce((found, answer) => {
      const ids = new Set(found.map((result) => result.id));
      return answer.results.filter((result) => ids.has(result.id));
    }, answers[0].results);
  }
}

// Results in order, whose data (a fragment each) is loaded as they are shown.
class Answer {
  constructor(candidates) {
    this.candidates = candidates;
    this.next = 0;
  }

  get done() {
    return this.next >= this.candidates.length;
  }

  async take(count) {
    const batch = this.candidates.slice(this.next, this.next + count);
    this.next += batch.length;
    return Promise.all(batch.map((result) => result.data()));
  }
}

// The filters of ``query`` that are set, as Pagefind takes them.
function filtersOf(query) {
  const filters = {};
  for (const name of FILTERS) if (query[name]) filters[name] = query[name];
  return filters;
}

// Whether ``query`` asks for nothing: no text and no filter.
function blank(query) {
  return !query.q && !FILTERS.some((name) => query[name]);
}

// ``query`` as the archive searches it: no text is null (a listing by the filters alone).
function asked(query) {
  return { ...query, q: query.q || null };
}

function queryFromForm() {
  const values = Object.fromEntries(new FormData(form));
  const query = { q: (values.q || "").trim(), sort: form.elements.sort.value }; // kept while it is disabled
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
  const months = [...new Map(parts.map((part) => [part.month, part.month_label]))];
  const years = [...new Set(months.map(([month]) => `${month.slice(0, 4)}年`))];
  setOptions(form.elements.year, years, "全部年份");
  const monthSelect = form.elements.month;
  const chosen = monthSelect.value;
  monthSelect.replaceChildren(new Option("全部月份", ""), ...months.map(([month, label]) => new Option(label, month)));
  monthSelect.value = months.some(([month]) => month === chosen) ? chosen : "";
  const pages = [...new Set(parts.flatMap((part) => part.pages))];
  pages.sort((a, b) => parseInt(a.replace(/^\D+/, ""), 10) - parseInt(b.replace(/^\D+/, ""), 10) || a.localeCompare(b));
  setOptions(form.elements.page, pages, "全部版面");
}

// The excerpt's HTML without the listing word the text of every record starts with, marked or not.
function withoutListingWord(excerpt, word) {
  if (!word) return excerpt;
  const start = excerpt.startsWith(`<mark>${word}</mark>`) ? `<mark>${word}</mark>` : word;
  return excerpt.startsWith(start) ? excerpt.slice(start.length).trimStart() : excerpt;
}

function excerptOf(item, listingWord) {
  const excerpt = element("p", "", "search-excerpt");
  // Pagefind marks matches with <mark>; rebuild them as text nodes instead of trusting its HTML.
  const html = withoutListingWord(item.excerpt, listingWord).replace(WORD_BREAK, "");
  for (const [index, part] of html.split(/<\/?mark>/).entries()) {
    const text = new DOMParser().parseFromString(part, "text/html").body.textContent;
    excerpt.append(index % 2 ? element("mark", text) : document.createTextNode(text));
  }
  excerpt.normalize(); // the characters of a match are marked one by one: one mark for each match
  for (const mark of [...excerpt.querySelectorAll("mark")]) {
    if (mark.previousSibling?.nodeName !== "MARK") continue;
    mark.previousSibling.append(mark.textContent);
    mark.remove();
  }
  return excerpt;
}

function entryOf(item, listingWord) {
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
  entry.append(link, excerptOf(item, listingWord));
  return entry;
}

// How far back the parts searched reach, when older ones are still to be searched.
function scopeOf(archive, query) {
  if (archive.complete(query)) return "";
  const reached = archive.parts.findIndex((part) => archive.queue.includes(part) && inPeriod(part, query)) - 1;
  const oldest = archive.parts[Math.max(reached, 0)];
  return `（已检索${oldest.month_label}以来的报道）`;
}

// Show the results of ``query`` a page at a time (显示更多结果); 检索更早的报道 loads older parts and adds
// the results found in them after those shown. Returns once the first screen of results is in the list:
// the nodes to show, the promise of the rest of the first page, and what settles the buttons and the state.
async function render(query, archive) {
  const list = element("ol", "", "search-results-list");
  const count = element("p", "", "search-count");
  const more = element("button", "显示更多结果", "search-more");
  const older = element("button", "检索更早的报道", "search-older");
  more.type = older.type = "button";
  const shown = new Set();
  let answer = await archive.search(query);
  // Add the next ``wanted`` results to the list (fewer if the answer has no more).
  const add = async (wanted) => {
    const items = [];
    while (items.length < wanted && !answer.done) {
      items.push(...(await answer.take(wanted - items.length)).filter((item) => !shown.has(item.url)));
    }
    for (const item of items) shown.add(item.url);
    const listingWord = archive.listingWord;
    list.append(...items.map((item) => entryOf(item, listingWord)));
    const scope = scopeOf(archive, query);
    if (!shown.size) count.textContent = "没有找到相关文章" + scope;
    else count.textContent = (answer.done ? `找到 ${shown.size} 篇文章` : `已显示 ${shown.size} 篇文章，还有更多`) + scope;
  };
  const settle = () => {
    more.hidden = answer.done;
    older.hidden = archive.complete(query);
    if (list.isConnected) results.dataset.state = archive.complete(query) && answer.done ? "complete" : "partial";
  };
  more.addEventListener("click", async () => {
    await add(PAGE_SIZE);
    settle();
  });
  older.addEventListener("click", async () => {
    older.disabled = true;
    await archive.loadOlder(query);
    showFailures(archive);
    answer = await archive.search(query);
    await add(PAGE_SIZE);
    settle();
    older.disabled = false;
  });
  more.hidden = older.hidden = true; // until the first page is complete
  await add(FIRST_SCREEN);
  return [[count, list, more, older], add(PAGE_SIZE - FIRST_SCREEN), settle];
}

function showFailures(archive) {
  if (!archive.failed.length) return;
  const periods = archive.failed.map((part) => part.label).join("、");
  notice.textContent = `部分索引无法加载，以下时段的文章暂时搜不到：${periods}。其余报道可以照常搜索。`;
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
  archive.checkFirst(asked(queryFromForm()));
  let latest = 0;
  const run = async () => {
    const query = queryFromForm();
    showQueryInUrl(query);
    // With no text there is no relevance to rank by: the listing is by date, whatever the control says.
    form.elements.sort.disabled = !query.q;
    const ticket = ++latest;
    if (blank(query)) {
      results.replaceChildren();
      return;
    }
    delete results.dataset.state;
    const [shown, rest, settle] = await render(asked(query), archive);
    if (ticket !== latest) return;
    showFailures(archive);
    results.replaceChildren(...shown);
    await rest;
    if (ticket === latest) settle();
  };
  let timer;
  // Text being composed in an input method (pinyin before its characters are chosen) is not a query yet.
  const typed = (event) => {
    if (event.isComposing) return;
    clearTimeout(timer);
    const query = queryFromForm();
    if (!blank(query)) archive.prepare(asked(query));
    timer = setTimeout(run, TYPING_PAUSE_MS);
  };
  form.addEventListener("input", typed);
  form.addEventListener("compositionend", typed);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  results.dataset.ready = "";
  await run();
}

if (form && results && input) await main();
