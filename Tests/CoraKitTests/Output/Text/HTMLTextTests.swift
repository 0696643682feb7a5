import CoraKit
import Foundation
import Testing

/// ``HTMLText``: exact escapes, links only for http, https and mailto, and what an HTML parser
/// (libxml2's, through `xmllint --html`) makes of hostile text: no element from the data.
@Suite("HTML text: escaping, isolation and links")
struct HTMLTextTests {
    @Test("content and attribute escapes; characters HTML refuses become U+FFFD")
    func escapes() {
        #expect(HTMLText.text("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;")
        #expect(HTMLText.attribute("a\" onmouseover='b' <c> & d") == "a&quot; onmouseover=&#39;b&#39; &lt;c&gt; &amp; d")
        var refused = String.UnicodeScalarView()
        for (letter, code) in zip("abcdefg".unicodeScalars, [0x0, 0x1, 0x7F, 0x85, 0xFFFE, 0xFFFF, 0xFDD0] as [UInt32]) {
            refused.append(letter)
            refused.append(Unicode.Scalar(code)!)
        }
        #expect(HTMLText.text(String(refused) + "h") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}h")
        #expect(HTMLText.text("regel 1\nregel 2\tTab\r\n") == "regel 1\nregel 2\tTab\r\n")
        #expect(HTMLText.text("Coördineren – €5 ✓ 日本") == "Coördineren – €5 ✓ 日本")
    }

    @Test("isolated text sits in a bdi of its own, so bidirectional marks cannot reorder what is around it")
    func isolation() {
        #expect(HTMLText.isolated("\u{202E}nerehdrooC") == "<bdi>\u{202E}nerehdrooC</bdi>")
        #expect(HTMLText.isolated("<b>") == "<bdi>&lt;b&gt;</bdi>")
    }

    @Test("links: only http, https and mailto without spaces, controls or bidi marks; the rest stays text")
    func links() {
        #expect(HTMLText.link("https://wiki.example/Verhuur?a=1&b=2", text: "Wiki")
                == "<a href=\"https://wiki.example/Verhuur?a=1&amp;b=2\" rel=\"noopener noreferrer\"><bdi>Wiki</bdi></a>")
        #expect(HTMLText.link("mailto:verhuur@example.nl") == "<a href=\"mailto:verhuur@example.nl\" rel=\"noopener noreferrer\"><bdi>mailto:verhuur@example.nl</bdi></a>")
        for address in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>x</script>",
                        "vbscript:x", "https://a b", "https://\u{202E}gpj.exe", "http://", "https://x\u{0}y", "//evil.example", "file:///etc/passwd"] {
            #expect(!HTMLText.isLinkable(address), "\(address)")
            #expect(!HTMLText.link(address).contains("<a "), "\(address)")
        }
        #expect(HTMLText.link("javascript:alert(1)", text: "klik") == "<bdi>klik</bdi>")
    }

    @Test("hostile names in text and attributes add no element for an HTML parser (xmllint --html)",
          arguments: ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "</p><p>", "<!--", "]]>",
                      "&lt;b&gt;", "<a href=\"javascript:alert(1)\">x</a>", "'\"`<>&", "\u{202E}<b>evil</b>", "<style>*{}</style>"])
    func parserSeesText(name: String) throws {
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p title=\"\(HTMLText.attribute(name))\">\(HTMLText.isolated(name))</p></body></html>"
        let count = try ExternalTool.run("xmllint", ["--html", "--noout", "--xpath", "count(//*)", "-"], input: Array(page.utf8))
        #expect(count.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "6", "\(page)\n\(count.stderr)")
        let title = try ExternalTool.run("xmllint", ["--html", "--xpath", "string(//p/@title)", "-"], input: Array(page.utf8))
        // xmllint ends what it prints with a line break.
        #expect(title.stdoutText == name + "\n", "\(page)")
        let text = try ExternalTool.run("xmllint", ["--html", "--xpath", "string(//bdi)", "-"], input: Array(page.utf8))
        #expect(text.stdoutText == name + "\n", "\(page)")
    }
}
