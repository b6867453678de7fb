// Article tools: the text size (小/中/大, remembered for every article), copying the link and the system
// share sheet where the browser has one. Without JavaScript the tools stay hidden (early.js
// shows them, before the first paint); the text reads as is.
(() => {
  "use strict";
  const KEY = "epaper-text-size";
  const tools = document.querySelector(".story-tools");
  if (!tools) return;
  const root = document.documentElement;
  const status = tools.querySelector(".tool-status");
  const say = (text) => {
    status.textContent = text;
    setTimeout(() => { status.textContent = ""; }, 3000);
  };

  const sizeButtons = Array.from(tools.querySelectorAll("button[data-text-size]"));
  const showSize = (size) => {
    sizeButtons.forEach((button) => button.setAttribute("aria-pressed", String(button.dataset.textSize === size)));
  };
  showSize(root.dataset.textSize || "medium");
  sizeButtons.forEach((button) => button.addEventListener("click", () => {
    const size = button.dataset.textSize;
    if (size === "medium") delete root.dataset.textSize;
    else root.dataset.textSize = size;
    try {
      if (size === "medium") localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, size);
    } catch (error) {
      // storage refused (private mode): the size holds for this page only
    }
    showSize(size);
  }));

  const canonical = document.querySelector('link[rel="canonical"]');
  const address = canonical ? canonical.href : window.location.href;
  tools.querySelector(".copy-link").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(address);
      say("链接已复制");
    } catch (error) {
      window.prompt("复制链接", address);
    }
  });
  const share = tools.querySelector(".share-link");
  if (navigator.share) {
    share.addEventListener("click", () => {
      navigator.share({ title: document.title, url: address }).catch(() => {});
    });
  }
})();
