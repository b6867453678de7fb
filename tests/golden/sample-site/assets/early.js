// Run in the head, before the first paint, so that nothing moves later: the reader's text size (article.js)
// and the classes that show the tools this browser can use: js (the article tools), can-share (the
// system share sheet), can-offline (下载本期: service workers and the Cache API).
(function (root) {
  "use strict";
  root.classList.add("js");
  if (navigator.share) root.classList.add("can-share");
  if ("serviceWorker" in navigator && "caches" in window) root.classList.add("can-offline");
  try {
    var size = localStorage.getItem("epaper-text-size");
    if (size) root.dataset.textSize = size;
  } catch (error) {
    // storage refused: the default size
  }
})(document.documentElement);
