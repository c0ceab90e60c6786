/*
 * Reader options: "Larger text" and "High contrast".
 *
 * The buttons are in the page with the `hidden` attribute, so with JavaScript off nothing half-working shows.
 * This script applies the saved choices to <html> (classes is-large-text and is-high-contrast), shows the buttons,
 * keeps aria-pressed in step and remembers choices in localStorage.
 *
 * It also looks after wide tables: tables written in markdown (.prose table) are put in a .table-wrap that
 * scrolls sideways on its own, instead of the whole page; and each .table-wrap is keyboard-focusable only while
 * its table is too wide for the screen, so keyboard users can scroll it without meeting empty tab stops; while it
 * is, the class table-wrap--scrolls shows a "scroll sideways" note. Before printing it opens every <details>.
 * It adds the class "js" to <html>, so the CSS knows these wrappers exist.
 *
 * No inline scripts or styles are used: it works under a strict Content-Security-Policy.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "impactsite-reader-options";
  var OPTIONS = ["is-large-text", "is-high-contrast"];
  var root = document.documentElement;
  root.classList.add("js");

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}");
      return saved && typeof saved === "object" ? saved : {};
    } catch (e) {
      return {};
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (e) {
      /* Private browsing or storage turned off: the choice lasts for this page only. */
    }
  }

  var state = load();

  function apply() {
    OPTIONS.forEach(function (option) {
      root.classList.toggle(option, state[option] === true);
    });
  }

  apply();

  /* Markdown tables get the same scrolling wrapper as the theme's own tables. */
  function wrapProseTables() {
    var tables = document.querySelectorAll(".prose table");
    Array.prototype.forEach.call(tables, function (table, i) {
      var parent = table.parentNode;
      if (!parent || (parent.classList && parent.classList.contains("table-wrap"))) {
        return;
      }
      var wrap = document.createElement("div");
      wrap.className = "table-wrap";
      wrap.setAttribute("data-table-wrap", "");
      wrap.setAttribute("role", "region");
      var caption = table.querySelector("caption");
      var name = caption && caption.textContent.trim();
      if (!name) {
        var headers = table.querySelectorAll("th");
        name = "Table " + (i + 1) + (headers.length
          ? ": " + Array.prototype.map.call(headers, function (th) { return th.textContent.trim(); }).slice(0, 4).join(", ")
          : "");
      }
      wrap.setAttribute("aria-label", name);
      parent.insertBefore(wrap, table);
      wrap.appendChild(table);
    });
  }

  /* Scrollable table wrappers get tabindex="0" and a "scroll sideways" note only when they really scroll. */
  function updateTables() {
    var wraps = document.querySelectorAll("[data-table-wrap]");
    Array.prototype.forEach.call(wraps, function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle("table-wrap--scrolls", scrolls);
      if (scrolls) {
        wrap.setAttribute("tabindex", "0");
      } else if (wrap !== document.activeElement) {
        wrap.removeAttribute("tabindex");
      }
    });
  }

  /* Printing shows what closed <details> hold, in browsers without ::details-content; they close again after. */
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    openedForPrint = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (details) {
      details.open = true;
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (details) {
      details.open = false;
    });
    openedForPrint = [];
  });

  function init() {
    var group = document.querySelector("[data-reader-controls]");
    if (group) {
      var buttons = group.querySelectorAll("[data-reader-toggle]");
      Array.prototype.forEach.call(buttons, function (button) {
        var option = button.getAttribute("data-reader-toggle");
        if (OPTIONS.indexOf(option) === -1) {
          return;
        }
        button.setAttribute("aria-pressed", state[option] === true ? "true" : "false");
        button.addEventListener("click", function () {
          state[option] = !(state[option] === true);
          button.setAttribute("aria-pressed", state[option] ? "true" : "false");
          apply();
          save(state);
          updateTables();
        });
      });
      group.hidden = false;
    }

    wrapProseTables();
    updateTables();
    var timer = null;
    window.addEventListener("resize", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(updateTables, 150);
    });
  }

  /* Another tab changed the options: follow it. */
  window.addEventListener("storage", function (event) {
    if (event.key !== STORAGE_KEY) {
      return;
    }
    state = load();
    apply();
    var buttons = document.querySelectorAll("[data-reader-toggle]");
    Array.prototype.forEach.call(buttons, function (button) {
      var option = button.getAttribute("data-reader-toggle");
      button.setAttribute("aria-pressed", state[option] === true ? "true" : "false");
    });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
