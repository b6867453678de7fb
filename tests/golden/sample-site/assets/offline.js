// 下载本期: store an issue for offline reading, and list the stored issues with a button to remove each.
// An issue is stored as one cache (Cache API) holding its pages, its articles, their pictures, the page
// PDFs the pages offer, and the stylesheets and scripts they use, all found by reading the issue page and
// following its links inside the issue's folder. The service worker (sw.js) answers from these caches
// when the network fails. Without JavaScript, or without service workers, these tools stay hidden.
(() => {
  "use strict";
  const PREFIX = "epaper-issue:";
  const TITLES = "epaper-offline-titles";
  const SKIPPED = /\.(epub|xml)$/; // the EPUB book and the feed are not needed to read the issue
  if (!("serviceWorker" in navigator && "caches" in window)) return;

  const titles = () => {
    try {
      return JSON.parse(localStorage.getItem(TITLES) || "{}");
    } catch (error) {
      return {};
    }
  };
  const keepTitle = (path, title) => {
    const all = titles();
    if (title) all[path] = title;
    else delete all[path];
    try {
      localStorage.setItem(TITLES, JSON.stringify(all));
    } catch (error) {
      // without storage the list shows the issue's address instead of its title
    }
  };
  const storedIssues = async () => (await caches.keys()).filter((name) => name.startsWith(PREFIX)).map((name) => name.slice(PREFIX.length));

  // The URLs a page needs or links to: its own files, and the links that stay inside the issue's folder.
  const needed = (html, pageUrl, issuePath) => {
    const page = new DOMParser().parseFromString(html, "text/html");
    const found = [];
    for (const image of page.querySelectorAll("img[srcset]")) { // every copy: which one is shown depends on the screen
      for (const candidate of image.getAttribute("srcset").split(",")) {
        found.push(new URL(candidate.trim().split(/\s+/)[0], pageUrl).pathname);
      }
    }
    for (const element of page.querySelectorAll("a[href], link[rel=stylesheet][href], script[src], img[src]")) {
      const url = new URL(element.getAttribute("href") || element.getAttribute("src"), pageUrl);
      url.hash = "";
      if (url.origin !== window.location.origin) continue;
      if (element.localName === "a" && (!url.pathname.startsWith(issuePath) || SKIPPED.test(url.pathname))) continue;
      found.push(url.pathname + url.search);
    }
    return found;
  };

  const store = async (issuePath, progress) => {
    const cache = await caches.open(PREFIX + issuePath);
    const queue = [issuePath];
    const seen = new Set(queue);
    for (let done = 0; done < queue.length; done += 1) {
      const path = queue[done];
      const response = await fetch(path, { cache: "no-cache" });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await cache.put(path, response.clone());
      if ((response.headers.get("content-type") || "").includes("text/html")) {
        for (const next of needed(await response.text(), new URL(path, window.location.href), issuePath)) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      progress(done + 1, queue.length);
    }
  };

  const shelf = document.querySelector(".offline-shelf");
  const showShelf = async () => {
    if (!shelf) return;
    const list = shelf.querySelector("ul");
    const issues = (await storedIssues()).sort().reverse();
    const known = titles();
    list.replaceChildren(...issues.map((path) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = path;
      link.textContent = known[path] || path;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "删除";
      remove.setAttribute("aria-label", `删除已下载的 ${link.textContent}`);
      remove.addEventListener("click", async () => {
        await caches.delete(PREFIX + path);
        keepTitle(path, null);
        await showShelf();
        await showButton();
      });
      item.append(link, " ", remove);
      return item;
    }));
    shelf.hidden = issues.length === 0;
  };

  const button = document.querySelector(".offline-save");
  const status = document.querySelector(".offline-status");
  const showButton = async () => {
    if (!button) return;
    const stored = (await storedIssues()).includes(button.dataset.issue);
    button.textContent = stored ? "更新已下载的本期" : "下载本期（离线阅读）";
    if (stored) status.textContent = "本期已下载，可离线阅读";
  };
  if (button) {
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await navigator.serviceWorker.register(button.dataset.worker);
        await store(button.dataset.issue, (done, total) => {
          status.textContent = `正在下载 ${done}/${total}…`;
        });
        keepTitle(button.dataset.issue, button.dataset.title);
        status.textContent = "本期已下载，可离线阅读";
      } catch (error) {
        await caches.delete(PREFIX + button.dataset.issue);
        status.textContent = "下载未完成，请联网后重试";
      } finally {
        button.disabled = false;
        await showShelf();
        await showButton();
      }
    });
  }
  showShelf();
  showButton();
})();
