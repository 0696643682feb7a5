/// The handbook's one style sheet, inline in its `<style>` and allowed by its hash in the page's
/// Content Security Policy. System fonts only (no web font is loaded); CORA's band colours for
/// the categories; a print style that gives a handbook on paper: the title page alone, a new page
/// before each business process, every folded section open, no search or navigation.
enum HandbookStyle {
    /// The CSS.
    static let css = """
    :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; --tint: #f6f8fa;
      --steering: #dde8f6; --steering-line: #4a72a8; --primary: #e1f0dc; --primary-line: #4d8f46;
      --supporting: #f6ead6; --supporting-line: #a87c34; --none: #ececec; --none-line: #808080; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--ink); background: var(--paper); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main, .titlepage, .toolbar, footer { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
    h1 { font-size: 2.1em; margin: 0.2em 0 0.1em; }
    h2 { font-size: 1.5em; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid var(--line); }
    h3 { font-size: 1.15em; margin: 0; display: inline; }
    a { color: #0b57a4; }
    .titlepage { padding-top: 32px; padding-bottom: 16px; }
    .subtitle { color: var(--muted); font-size: 1.2em; margin: 0 0 1em; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0.5em 0 1em; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    .toolbar { position: sticky; top: 0; z-index: 2; background: var(--paper); border-bottom: 1px solid var(--line); padding-top: 8px; padding-bottom: 8px; }
    .search { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .search input { flex: 1 1 260px; font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; }
    .search button { font: inherit; padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--tint); cursor: pointer; }
    .search output { color: var(--muted); }
    nav.contents ul { margin: 0.3em 0; padding-left: 1.2em; columns: 2 320px; }
    nav.contents li { break-inside: avoid; }
    .diagram { margin: 0.8em 0; overflow-x: auto; }
    .diagram svg { max-width: 100%; height: auto; }
    .note { color: var(--muted); font-style: italic; }
    section.category { margin-bottom: 2em; }
    section.category > h2 { border-left: 8px solid var(--none-line); padding-left: 10px; background: var(--none); }
    section.steering > h2 { border-left-color: var(--steering-line); background: var(--steering); }
    section.primary > h2 { border-left-color: var(--primary-line); background: var(--primary); }
    section.supporting > h2 { border-left-color: var(--supporting-line); background: var(--supporting); }
    details.bp { border: 1px solid var(--line); border-radius: 8px; margin: 0.8em 0; padding: 0 14px; }
    details.bp > summary { cursor: pointer; padding: 10px 0; }
    details.bp[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: 0.6em; }
    .code { color: var(--muted); font-variant-numeric: tabular-nums; margin-right: 0.4em; }
    table { border-collapse: collapse; margin: 0.6em 0 1em; width: 100%; }
    .table { overflow-x: auto; }
    th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
    th { background: var(--tint); font-weight: 600; overflow-wrap: normal; }
    td:first-child { white-space: nowrap; }
    td.depth-2 { padding-left: 26px; } td.depth-3 { padding-left: 44px; } td.depth-4 { padding-left: 62px; } td.depth-5 { padding-left: 80px; }
    td.deeper { padding-left: 98px; }
    td.mark { text-align: center; }
    table.matrix thead th.tag { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; padding: 6px 2px; font-weight: 500; }
    table.matrix td:nth-child(2) { min-width: 14em; }
    [id] { scroll-margin-top: 5.5rem; }
    .level { color: var(--muted); font-size: 0.9em; }
    .flag { text-decoration: none; margin-left: 0.3em; }
    tr.error td.severity { color: #b42318; font-weight: 600; }
    tr.warning td.severity { color: #9a6700; }
    .hit { background: #fff8c5; }
    :target { outline: 3px solid #f2cc60; outline-offset: 2px; }
    footer { color: var(--muted); border-top: 1px solid var(--line); margin-top: 3em; padding-top: 8px; padding-bottom: 24px; font-size: 0.9em; }
    body.searching .hidden-while-searching { display: none; }
    @page { size: A4; margin: 16mm 14mm; @bottom-right { content: counter(page); font-size: 9pt; color: #59636e; } }
    @media print {
      body { font-size: 10.5pt; }
      .table { overflow: visible; }
      section.category.empty { break-before: auto; }
      .toolbar, .top-link, .search { display: none !important; }
      main, .titlepage, footer { max-width: none; padding: 0; }
      .titlepage { break-after: page; }
      section.category, #ketens, #overig, #eisen, #pdca, #bevindingen { break-before: page; }
      details.bp { break-before: page; border: none; padding: 0; }
      section.category > details.bp:first-of-type { break-before: auto; }
      details.bp > summary { list-style: none; }
      details.bp > summary::-webkit-details-marker { display: none; }
      details::details-content { content-visibility: visible; display: block; }
      a { color: inherit; text-decoration: none; }
      tr, .diagram { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
    }
    """
}
