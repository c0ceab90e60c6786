/*
 * Site search, for the search page only. Without JavaScript the page still lists everything ("Browse everything").
 *
 * - Reads ?q= from the address, and the index address from the form's data-index attribute.
 * - The index is a JSON array of {"title","url","kind","study","date","text"}.
 * - A result must contain every word of the query (case and accents ignored) in its title or text.
 * - Shows up to 50 results as links, and announces "N results for “query”" in the polite live region.
 * - Submitting the form searches without reloading the page and updates the address (history.replaceState).
 * - Focus stays where the reader put it; there are no keyboard traps.
 *
 * Results are built with DOM methods and textContent only (no innerHTML), so index text can never become markup,
 * and no inline scripts or styles are used (strict Content-Security-Policy).
 */
(function () {
  "use strict";

  var MAX_RESULTS = 50;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  var form = document.querySelector("form[data-index]");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results-list");
  var noJs = document.querySelector("[data-search-nojs]");
  var heading = document.getElementById("search-results-heading");
  if (!form || !input || !status || !list || !window.fetch) {
    return;
  }
  if (noJs) {
    noJs.hidden = true;
  }

  var baseTitle = document.title;
  var indexUrl = form.getAttribute("data-index");
  var loading = null;

  function loadIndex() {
    if (!loading) {
      loading = window.fetch(indexUrl, { headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.json();
        })
        .then(function (items) {
          return (Array.isArray(items) ? items : []).map(function (item) {
            return {
              item: item,
              title: normalise(item.title),
              haystack: normalise((item.title || "") + " " + (item.text || ""))
            };
          });
        });
      loading.catch(function () {
        loading = null; /* try again on the next search */
      });
    }
    return loading;
  }

  function normalise(text) {
    var value = String(text || "").toLowerCase();
    if (value.normalize) {
      value = value.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    }
    return value.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, "\"");
  }

  function words(query) {
    return normalise(query).split(/\s+/).filter(function (word) {
      return word.length > 0;
    });
  }

  function formatDate(iso) {
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    if (!match) {
      return "";
    }
    return parseInt(match[3], 10) + " " + MONTHS[parseInt(match[2], 10) - 1] + " " + match[1];
  }

  /* Setting the text after a short pause makes screen readers announce it even when it repeats. */
  var announceTimer = null;
  function announce(message) {
    window.clearTimeout(announceTimer);
    status.textContent = "";
    announceTimer = window.setTimeout(function () {
      status.textContent = message;
    }, 100);
  }

  function clearResults() {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    list.hidden = true;
    if (heading) {
      heading.hidden = true;
    }
  }

  function render(results) {
    clearResults();
    results.slice(0, MAX_RESULTS).forEach(function (entry) {
      var item = entry.item;
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      li.appendChild(link);

      var details = [item.kind, item.study, formatDate(item.date)].filter(function (part) {
        return part;
      });
      if (details.length) {
        var meta = document.createElement("span");
        meta.className = "search-results__meta";
        meta.textContent = details.join(" · ");
        li.appendChild(meta);
      }
      list.appendChild(li);
    });
    list.hidden = results.length === 0;
    if (heading) {
      heading.hidden = false;
    }
  }

  function search(query) {
    var terms = words(query);
    if (!terms.length) {
      clearResults();
      announce("");
      document.title = baseTitle;
      return;
    }
    loadIndex().then(function (entries) {
      var matches = entries.filter(function (entry) {
        return terms.every(function (term) {
          return entry.haystack.indexOf(term) !== -1;
        });
      });
      /* Results whose title has every word come first; otherwise keep the index order. */
      var inTitle = matches.filter(function (entry) {
        return terms.every(function (term) { return entry.title.indexOf(term) !== -1; });
      });
      var rest = matches.filter(function (entry) { return inTitle.indexOf(entry) === -1; });
      var ordered = inTitle.concat(rest);
      render(ordered);

      var shown = "“" + query.trim() + "”";
      var message;
      if (ordered.length === 0) {
        message = "No results for " + shown + ". Check the spelling, try fewer words, or browse everything below.";
      } else if (ordered.length > MAX_RESULTS) {
        message = "Showing the first " + MAX_RESULTS + " of " + ordered.length + " results for " + shown + ".";
      } else {
        message = ordered.length + (ordered.length === 1 ? " result" : " results") + " for " + shown;
      }
      announce(message);
      document.title = "Search results for " + shown + " – " + baseTitle;
    }, function () {
      clearResults();
      announce("Sorry, search is not working at the moment. You can still browse everything below.");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    var url = new URL(window.location.href);
    if (query.trim()) {
      url.searchParams.set("q", query.trim());
    } else {
      url.searchParams.delete("q");
    }
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", url.toString());
    }
    search(query);
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
