// The print-page view (版面): story and region highlight each other, ←/→ turn the page, and the page
// picture zooms (buttons, double tap, pinch) and pans inside its frame; a swipe turns the page.
// Without JavaScript the regions and the story list are plain links.
(() => {
  "use strict";
  const MAX_SCALE = 4;
  const STEP = 1.5;
  const DOUBLE_TAP_MS = 300;
  const SWIPE_PX = 60;

  const stepLink = (rel) => document.querySelector(`.page-steps a[rel="${rel}"]`);
  const turn = (rel) => {
    const link = stepLink(rel);
    if (link) window.location.assign(link.href);
  };

  // A story in the list and its region on the picture highlight each other (hover and keyboard focus).
  const partners = (element) => {
    const holder = element.closest("[data-story]");
    if (!holder) return [];
    const slug = CSS.escape(holder.dataset.story);
    return Array.from(document.querySelectorAll(`[data-story="${slug}"]`));
  };
  const mark = (on) => (event) => partners(event.target).forEach((item) => item.classList.toggle("is-linked", on));
  document.addEventListener("pointerover", mark(true));
  document.addEventListener("pointerout", mark(false));
  document.addEventListener("focusin", mark(true));
  document.addEventListener("focusout", mark(false));

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.key === "ArrowLeft") turn("prev");
    else if (event.key === "ArrowRight") turn("next");
  });

  const viewport = document.querySelector(".page-map-viewport");
  const frame = viewport && viewport.querySelector(".page-map-frame");
  if (!frame) return;
  const controls = document.querySelector(".zoom-controls");
  controls.hidden = false;

  let scale = 1;
  let x = 0;
  let y = 0;
  const clamp = (value, low, high) => Math.min(high, Math.max(low, value));
  const picture = frame.querySelector("img");
  let widest = 0;
  const apply = () => {
    const width = viewport.clientWidth;
    const height = viewport.clientHeight;
    x = clamp(x, width - width * scale, 0);
    y = clamp(y, height - height * scale, 0);
    frame.style.transform = scale === 1 ? "" : `translate(${x}px, ${y}px) scale(${scale})`;
    viewport.classList.toggle("is-zoomed", scale > 1);
    viewport.dataset.scale = scale.toFixed(2);
    // Zoomed in, the picture is shown wider than the window: let the browser take its sharpest copy.
    const shown = Math.ceil(width * scale);
    if (shown > widest && picture.srcset) {
      widest = shown;
      picture.sizes = `${shown}px`;
    }
  };
  // Zoom to ``next`` keeping the point (px, py) of the viewport where it is.
  const zoomTo = (next, px = viewport.clientWidth / 2, py = viewport.clientHeight / 2) => {
    next = clamp(next, 1, MAX_SCALE);
    x = px - ((px - x) * next) / scale;
    y = py - ((py - y) * next) / scale;
    scale = next;
    apply();
  };
  controls.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-zoom]");
    if (!button) return;
    const action = button.dataset.zoom;
    zoomTo(action === "in" ? scale * STEP : action === "out" ? scale / STEP : 1);
  });

  const pointers = new Map();
  let gesture = null; // {kind: "pan"|"pinch", ...}
  let moved = false;
  let lastTap = null;
  let pendingOpen = null;
  const local = (event) => {
    const box = viewport.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const spread = () => {
    const [a, b] = Array.from(pointers.values());
    return { distance: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  };

  viewport.addEventListener("pointerdown", (event) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    pointers.set(event.pointerId, local(event));
    moved = false;
    if (pointers.size === 2) {
      const start = spread();
      gesture = { kind: "pinch", distance: start.distance, scale, x: start.x, y: start.y };
    } else if (pointers.size === 1) {
      const point = local(event);
      gesture = { kind: "pan", startX: point.x, startY: point.y, x, y };
    }
  });
  viewport.addEventListener("pointermove", (event) => {
    if (!pointers.has(event.pointerId) || !gesture) return;
    const point = local(event);
    pointers.set(event.pointerId, point);
    if (gesture.kind === "pinch" && pointers.size === 2) {
      const now = spread();
      moved = true;
      zoomTo((gesture.scale * now.distance) / gesture.distance, now.x, now.y);
    } else if (gesture.kind === "pan") {
      const dx = point.x - gesture.startX;
      const dy = point.y - gesture.startY;
      if (Math.hypot(dx, dy) > 8) moved = true;
      if (scale > 1) {
        x = gesture.x + dx;
        y = gesture.y + dy;
        apply();
      }
    }
  });
  // pointerup only: a pointercancel (the browser scrolled the page) is no tap and no swipe.
  const release = (event) => {
    if (!pointers.has(event.pointerId)) return;
    const point = local(event);
    pointers.delete(event.pointerId);
    if (gesture && gesture.kind === "pan" && event.type === "pointerup") {
      const dx = point.x - gesture.startX;
      const dy = point.y - gesture.startY;
      if (!moved && event.pointerType === "touch") tapped(point, event.target.closest(".page-map-region"), event.timeStamp);
      else if (scale === 1 && Math.abs(dx) > SWIPE_PX && Math.abs(dx) > 2 * Math.abs(dy)) turn(dx < 0 ? "next" : "prev");
    }
    if (pointers.size === 0) gesture = null;
  };
  viewport.addEventListener("pointerup", release);
  viewport.addEventListener("pointercancel", release);

  // A tap on a region opens its story unless a second tap follows (a double tap zooms). A mouse click or
  // the keyboard opens it at once; after a pan or a pinch nothing opens.
  let touchedAt = -Infinity;
  const tapped = (point, region, time) => {
    touchedAt = time;
    if (lastTap && time - lastTap.time < DOUBLE_TAP_MS && Math.hypot(point.x - lastTap.x, point.y - lastTap.y) < 40) {
      clearTimeout(pendingOpen);
      lastTap = null;
      if (scale > 1) zoomTo(1);
      else zoomTo(2.5, point.x, point.y);
      return;
    }
    lastTap = { time, x: point.x, y: point.y };
    if (region) pendingOpen = setTimeout(() => window.location.assign(region.href), DOUBLE_TAP_MS);
  };
  viewport.addEventListener("click", (event) => {
    if (moved || event.timeStamp - touchedAt < 1000) event.preventDefault();
  });
  viewport.addEventListener("dblclick", (event) => {
    if (event.timeStamp - touchedAt < 1000) return; // a double tap, already handled
    const point = local(event);
    if (scale > 1) zoomTo(1);
    else zoomTo(2.5, point.x, point.y);
  });
  window.addEventListener("resize", apply);
})();
