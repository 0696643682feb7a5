/// The handbook's one script, inline in its `<script>` and allowed by its hash in the page's Content
/// Security Policy. The page is whole without it: the script only shows the search box (hidden
/// without scripts), filters the business processes and rows by the words typed (names, codes,
/// owners and applications, ignoring case and accents), opens what matches, folds all open or
/// closed, and opens every section before printing. `#zoek=WORDS` (or `#search=WORDS`) in the
/// address starts with that search.
enum HandbookScript {
    /// The JavaScript.
    static let javaScript = """
    (function () {
      "use strict";
      var box = document.getElementById("zoek");
      var bar = document.getElementById("zoekbalk");
      var outcome = document.getElementById("zoek-uitkomst");
      if (!box || !bar || !outcome) { return; }
      bar.hidden = false;
      var fold = function (text) {
        return text.normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase().replace(/\\s+/g, " ").trim();
      };
      var sections = Array.prototype.slice.call(document.querySelectorAll("details.bp"));
      var loose = Array.prototype.slice.call(document.querySelectorAll("tr[data-s]")).filter(function (row) {
        return !row.closest("details.bp");
      });
      var categories = Array.prototype.slice.call(document.querySelectorAll("section.category"));
      var opened = sections.map(function (section) { return section.open; });
      var matches = function (element, words) {
        var text = element.getAttribute("data-s") || "";
        return words.every(function (word) { return text.indexOf(word) >= 0; });
      };
      var apply = function () {
        var query = fold(box.value);
        var words = query === "" ? [] : query.split(" ");
        var searching = words.length > 0;
        var found = 0;
        document.body.classList.toggle("searching", searching);
        sections.forEach(function (section, index) {
          var own = searching && matches(section, words);
          var rows = Array.prototype.slice.call(section.querySelectorAll("tr[data-s]"));
          var rowHits = 0;
          rows.forEach(function (row) {
            var hit = searching && matches(row, words);
            if (hit) { rowHits += 1; }
            row.classList.toggle("hit", hit);
            row.hidden = searching && !own && !hit;
          });
          section.classList.toggle("hit", own);
          section.hidden = searching && !own && rowHits === 0;
          section.open = searching ? !section.hidden : opened[index];
          found += (own ? 1 : 0) + rowHits;
        });
        loose.forEach(function (row) {
          var hit = searching && matches(row, words);
          row.classList.toggle("hit", hit);
          row.hidden = searching && !hit;
          if (hit) { found += 1; }
        });
        categories.forEach(function (category) {
          category.hidden = searching && category.querySelector("details.bp:not([hidden])") === null;
        });
        var text = found === 0 ? outcome.getAttribute("data-none") : found === 1 ? outcome.getAttribute("data-one")
          : outcome.getAttribute("data-many").replace("{n}", String(found));
        outcome.textContent = searching ? text : "";
      };
      box.addEventListener("input", apply);
      var openAll = document.getElementById("alles-open");
      var closeAll = document.getElementById("alles-dicht");
      var setAll = function (open) {
        sections.forEach(function (section, index) { section.open = open; opened[index] = open; });
      };
      if (openAll) { openAll.addEventListener("click", function () { setAll(true); }); }
      if (closeAll) { closeAll.addEventListener("click", function () { setAll(false); }); }
      var beforePrint = null;
      window.addEventListener("beforeprint", function () {
        beforePrint = sections.map(function (section) { return section.open; });
        sections.forEach(function (section) { section.open = true; });
      });
      window.addEventListener("afterprint", function () {
        if (beforePrint) { sections.forEach(function (section, index) { section.open = beforePrint[index]; }); }
        beforePrint = null;
      });
      var start = /^#(?:zoek|search)=(.*)$/.exec(window.location.hash);
      if (start) {
        try { box.value = decodeURIComponent(start[1]); } catch (error) { box.value = start[1]; }
        apply();
      }
      var target = window.location.hash.slice(1);
      if (!start && target !== "") {
        var element = document.getElementById(target);
        var section = element ? element.closest("details.bp") : null;
        if (section) { section.open = true; element.scrollIntoView(); }
      }
      window.addEventListener("hashchange", function () {
        var element = document.getElementById(window.location.hash.slice(1));
        var section = element ? element.closest("details.bp") : null;
        if (section && !section.open) { section.open = true; element.scrollIntoView(); }
      });
    }());
    """
}
