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
      // As the page folds its search texts: compatibility forms decomposed, marks left out.
      var fold = function (text) {
        return text.normalize("NFKD").replace(/\\p{M}/gu, "").toLowerCase().replace(/\\s+/g, " ").trim();
      };
      var toArray = function (list) { return Array.prototype.slice.call(list); };
      // What is searched is read once; the page is only written where something changes.
      var item = function (element) {
        return { element: element, text: element.getAttribute("data-s") || "", hidden: false, hit: false };
      };
      var sections = toArray(document.querySelectorAll("details.bp")).map(function (element) {
        var section = item(element);
        section.rows = toArray(element.querySelectorAll("tr[data-s]")).map(item);
        section.opened = element.open;
        return section;
      });
      var loose = toArray(document.querySelectorAll("tr[data-s]")).filter(function (row) {
        return !row.closest("details.bp");
      }).map(item);
      var categories = toArray(document.querySelectorAll("section.category")).map(function (element) {
        return { element: element, sections: sections.filter(function (section) { return element.contains(section.element); }) };
      });
      var show = function (entry, hidden, hit) {
        if (entry.hidden !== hidden) { entry.element.hidden = hidden; entry.hidden = hidden; }
        if (entry.hit !== hit) { entry.element.classList.toggle("hit", hit); entry.hit = hit; }
      };
      var matches = function (entry, words) {
        for (var index = 0; index !== words.length; index += 1) {
          if (entry.text.indexOf(words[index]) === -1) { return false; }
        }
        return true;
      };
      var apply = function () {
        var query = fold(box.value);
        var words = query === "" ? [] : query.split(" ");
        var searching = words.length > 0;
        var found = 0;
        document.body.classList.toggle("searching", searching);
        sections.forEach(function (section) {
          var own = searching && matches(section, words);
          var rowHits = 0;
          section.rows.forEach(function (row) {
            var hit = searching && matches(row, words);
            if (hit) { rowHits += 1; }
            show(row, searching && !own && !hit, hit);
          });
          show(section, searching && !own && rowHits === 0, own);
          var open = searching ? !section.hidden : section.opened;
          if (section.element.open !== open) { section.element.open = open; }
          found += (own ? 1 : 0) + rowHits;
        });
        loose.forEach(function (row) {
          var hit = searching && matches(row, words);
          show(row, searching && !hit, hit);
          if (hit) { found += 1; }
        });
        categories.forEach(function (category) {
          var hidden = searching && category.sections.every(function (section) { return section.hidden; });
          if (category.element.hidden !== hidden) { category.element.hidden = hidden; }
        });
        var text = found === 0 ? outcome.getAttribute("data-none") : found === 1 ? outcome.getAttribute("data-one")
          : outcome.getAttribute("data-many").replace("{n}", String(found));
        outcome.textContent = searching ? text : "";
      };
      // Typing waits a moment before the page is searched, so that a large handbook stays responsive.
      var pending = null;
      box.addEventListener("input", function () {
        if (pending !== null) { window.clearTimeout(pending); }
        pending = window.setTimeout(function () { pending = null; apply(); }, 150);
      });
      var openAll = document.getElementById("alles-open");
      var closeAll = document.getElementById("alles-dicht");
      var setAll = function (open) {
        sections.forEach(function (section) { section.element.open = open; section.opened = open; });
      };
      if (openAll) { openAll.addEventListener("click", function () { setAll(true); }); }
      if (closeAll) { closeAll.addEventListener("click", function () { setAll(false); }); }
      var beforePrint = null;
      window.addEventListener("beforeprint", function () {
        beforePrint = sections.map(function (section) { return section.element.open; });
        sections.forEach(function (section) { section.element.open = true; });
      });
      window.addEventListener("afterprint", function () {
        if (beforePrint) { sections.forEach(function (section, index) { section.element.open = beforePrint[index]; }); }
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
