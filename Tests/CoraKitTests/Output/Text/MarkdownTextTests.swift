import CoraKit
import Testing

/// ``MarkdownText``: data text shows as text under GitHub's Markdown (cmark-gfm with the autolink,
/// table, strikethrough and tagfilter extensions) wherever the renderer puts it: no link, heading,
/// list, quote or code block comes from the data, and the characters shown are the data's.
@Suite("Markdown text: no links or blocks from the data")
struct MarkdownTextTests {
    @Test("addresses GFM would link, leading white space and block starts get the escapes that keep them text")
    func exactEscapes() {
        let cases: [(String, String)] = [
            ("Verhuren eenheden: één", "Verhuren eenheden: één"),
            ("zie https://example.com/a", "zie https\\://example.com/a"),
            ("HTTP://X.NL en ftp://f.nl", "HTTP\\://X.NL en ftp\\://f.nl"),
            ("op www.voorbeeld.nl", "op www\\.voorbeeld.nl"),
            ("WWW.Voorbeeld.nl", "WWW\\.Voorbeeld.nl"),
            ("mail info@example.com", "mail info<wbr>@example.com"),
            ("a.b+c_d-e@x.nl", "a.b+c\\_d-e<wbr>@x.nl"),
            ("@SUM(A1)", "@SUM(A1)"),
            ("    code", "&#32;&#32;&#32;&#32;code"),
            ("\t> citaat", "&#9;&gt; citaat"),
            ("  # kop", "&#32;&#32;# kop"),
            ("> citaat", "&gt; citaat"),
            ("1) lijst", "1\\) lijst"),
            ("10. lijst", "10\\. lijst"),
            ("+ lijst", "\\+ lijst"),
            ("---", "\\---"),
            ("===", "\\==="),
            ("***", "\\*\\*\\*"),
        ]
        for (text, escaped) in cases {
            #expect(MarkdownText.inline(text) == escaped, "\(text.debugDescription)")
        }
        #expect(MarkdownText.heading("Kop #") == "Kop \\#")
        #expect(MarkdownText.heading("Kop ## ") == "Kop #\\# ")
        #expect(MarkdownText.heading("#") == "\\#")
        #expect(MarkdownText.heading("Kop \\#") == "Kop \\\\\\#")
    }

    /// Texts that GFM, unescaped, turns into a link, a heading, a list, a quote, a code block or a rule.
    static let hostile = [
        "https://example.com/a?b=c&d", "zie http://x.nl.", "HTTP://X.NL", "ftp://f.nl/x", "www.example.com", "(www.x.nl)", "*www.x.nl*",
        "WWW.Voorbeeld.nl", "info@example.com", "mail a.b+c_d-e@sub.example.nl vandaag", "mailto:m@x.nl", "xmpp:j@x.nl/r",
        "<http://x.nl>", "<info@x.nl>", "[a]: http://y.nl", "[x](http://y.nl)", "    code", "\tcode", "  # kop", "   - lijst", " > citaat",
        "> citaat", "1) lijst", "1. lijst", "+ lijst", "- lijst", "* lijst", "***", "---", "___", "===", "- - -", "```", "~~~", "# kop", "Kop #",
        "Kop ##  ", "#", "a\n    code", "regel\n# kop", "regel\r\n> citaat", "|a|b|", "~~weg~~", "<b>vet</b>", "&amp; &#64;", "\\", "x\\",
    ]

    /// A document with `text` where the renderer puts data: a paragraph, a heading, a table cell, a list item.
    static let contexts: [(name: String, wrap: @Sendable (String) -> String, own: Set<String>)] = [
        ("paragraph", { "Feiten\n\n" + MarkdownText.inline($0) + "\n\nTabel\n" }, ["p"]),
        ("heading", { "### " + MarkdownText.heading($0) + "\n" }, ["h3"]),
        ("cell", { "| a | b |\n| --- | --- |\n| " + MarkdownText.cell($0) + " | x |\n" }, ["table", "thead", "tbody", "tr", "th", "td"]),
        ("list item", { "- " + MarkdownText.inline($0) + "\n" }, ["ul", "li"]),
    ]

    @Test("cmark-gfm with GitHub's extensions shows every hostile text as it is: no link, heading, list, quote, code block or rule",
          arguments: hostile)
    func rendersAsText(text: String) throws {
        for context in Self.contexts {
            let markdown = context.wrap(text)
            let html = try ExternalTool.run("cmark-gfm", EscapingPropertyTests.cmarkGFM, input: Array(markdown.utf8))
            #expect(html.status == 0)
            let output = html.stdoutText
            let tags = Set(output.matches(of: /<([a-zA-Z][a-zA-Z0-9]*)/).map { String($0.1).lowercased() })
            let allowed = context.own.union(["p", "br", "wbr"])
            #expect(tags.isSubset(of: allowed), "\(context.name) \(text.debugDescription): \(tags.subtracting(allowed)) in \(output)")
            var shown = output
            if context.name == "paragraph" { shown = output.components(separatedBy: "<p>")[2].components(separatedBy: "</p>")[0] }
            if context.name == "cell" { shown = output.components(separatedBy: "<td>")[1].components(separatedBy: "</td>")[0] }
            #expect(EscapingPropertyTests.visibleText(shown) == EscapingPropertyTests.shownText(text),
                    "\(context.name) \(text.debugDescription): \(output)")
        }
    }
}
