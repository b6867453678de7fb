// Small enhancements only: every page works without JavaScript.
(() => {
  "use strict";
  // Keep the current print page visible in the horizontally scrolling page switcher on phones.
  const current = document.querySelector('.page-list a[aria-current="page"]');
  if (current) current.scrollIntoView({ block: "nearest", inline: "center" });
})();
