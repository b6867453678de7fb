// The search page: queries the Pagefind index built with the site (no server, no external requests).
const results = document.getElementById("search-results");
const input = document.getElementById("search-query");
const query = new URLSearchParams(window.location.search).get("q") || "";

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function search(pagefind, term) {
  results.replaceChildren();
  if (!term.trim()) return;
  const found = await pagefind.search(term);
  const data = await Promise.all(found.results.slice(0, 30).map((result) => result.data()));
  results.append(element("p", data.length ? `找到 ${found.results.length} 篇文章` : "没有找到相关文章", "search-count"));
  const list = element("ol", "", "search-results-list");
  for (const item of data) {
    const entry = element("li");
    const link = element("a", item.meta.title || item.url);
    link.href = item.url;
    const excerpt = element("p");
    // Pagefind marks matches with <mark>; rebuild them as text nodes instead of trusting its HTML.
    for (const [index, part] of item.excerpt.split(/<\/?mark>/).entries()) {
      const text = new DOMParser().parseFromString(part, "text/html").body.textContent;
      excerpt.append(index % 2 ? element("mark", text) : document.createTextNode(text));
    }
    entry.append(link, excerpt);
    list.append(entry);
  }
  results.append(list);
}

if (results && input) {
  input.value = query;
  if (query.trim()) results.append(element("p", "正在搜索…", "search-status"));
  try {
    const pagefind = await import(results.dataset.bundle + "pagefind.js");
    await pagefind.options({ baseUrl: results.dataset.base });
    await search(pagefind, query);
  } catch (error) {
    results.replaceChildren(element("p", "搜索暂时不可用，请按日期或专题浏览。", "search-status"));
    throw error;
  }
}
