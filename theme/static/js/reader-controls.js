/*
 * Reader options: "Larger text" and "High contrast".
 *
 * The buttons are in the page with the `hidden` attribute, so with JavaScript off nothing half-working shows.
 * This script applies the saved choices to <html> (classes is-large-text and is-high-contrast), shows the buttons,
 * keeps aria-pressed in step and remembers choices in localStorage.
 *
 * It also makes each data table wrapper (.table-wrap) keyboard-focusable only while the table is too wide
 * for the screen and scrolls sideways, so that keyboard users can scroll it without meeting empty tab stops.
 *
 * No inline scripts or styles are used: it works under a strict Content-Security-Policy.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "impactsite-reader-options";
  var OPTIONS = ["is-large-text", "is-high-contrast"];
  var root = document.documentElement;

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

  /* Scrollable table wrappers get tabindex="0" only when they really scroll. */
  function updateTables() {
    var wraps = document.querySelectorAll("[data-table-wrap]");
    Array.prototype.forEach.call(wraps, function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
      } else if (wrap !== document.activeElement) {
        wrap.removeAttribute("tabindex");
      }
    });
  }

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
