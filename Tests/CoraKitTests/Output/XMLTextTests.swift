import CoraKit
import Foundation
import FoundationXML
import Testing

/// The XML escaping and the `xs:ID` identifiers the ArchiMate exchange format (issue 16) writes with.
@Suite("XML text and exchange identifiers")
struct XMLTextTests {
    /// Reads `document` with XMLParser: the text of its one element and the value of its attribute `a`.
    final class Reader: NSObject, XMLParserDelegate {
        var text = ""
        var attribute: String?
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            attribute = attributeDict["a"]
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func readBack(_ value: String) -> (text: String, attribute: String?, ok: Bool) {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><e a=\"\(XMLText.attribute(value))\">\(XMLText.content(value))</e>"
        let parser = XMLParser(data: Data(document.utf8))
        let reader = Reader()
        parser.delegate = reader
        let ok = parser.parse()
        return (reader.text, reader.attribute, ok)
    }

    static let hostile = [
        "Verhuren <eenheid> & \"zo\" 'ook'", "]]> <![CDATA[ x ]]>", "&amp; &#1; &#xD800; &lt;", "<!DOCTYPE x [<!ENTITY a \"b\">]>&a;",
        "regel 1\nregel 2\r\nregel 3\rregel 4", "tab\there", "  spaties  ", "emoji 😀 中文 مرحبا \u{200F}\u{202E}", "",
    ]

    @Test("content and attribute values read back as the very text, whatever it holds", arguments: hostile)
    func roundTrip(_ value: String) {
        let back = Self.readBack(value)
        #expect(back.ok, "\(value.debugDescription)")
        #expect(back.text == value, "content: \(back.text.debugDescription)")
        #expect(back.attribute == value, "attribute: \(String(describing: back.attribute).debugDescription)")
    }

    @Test("characters XML 1.0 does not allow become U+FFFD; the document stays well-formed")
    func disallowedCharacters() {
        let value = "a\u{0}b\u{1}c\u{1B}d\u{FFFE}e\u{FFFF}f\u{7F}g"
        #expect(XMLText.content(value) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{7F}g")
        #expect(!XMLText.isAllowed(value) && XMLText.isAllowed(XMLText.content(value)))
        let back = Self.readBack(value)
        #expect(back.ok && back.text == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{7F}g")
    }

    @Test("the exact escapes: entities for markup, references for what a parser would normalise")
    func exactEscapes() {
        #expect(XMLText.content("<a & \"b\">\r\n\t") == "&lt;a &amp; \"b\"&gt;&#13;\n\t")
        #expect(XMLText.attribute("<a & \"b\">\r\n\t") == "&lt;a &amp; &quot;b&quot;&gt;&#13;&#10;&#9;")
    }

    @Test("identifiers: NCNames, the key itself when it can be, unique, and the same for the same keys in the same order")
    func identifiers() {
        var ids = ExchangeIdentifiers()
        #expect(ids.identifier(for: "ww-p01", prefix: "id-") == "id-ww-p01")
        #expect(ids.identifier(for: "ww-p01", prefix: "id-") == "id-ww-p01", "asked again: the same")
        #expect(ids.identifier(for: "ww-p01", prefix: "rel-") == "rel-ww-p01", "another prefix: another identifier")
        let odd = ids.identifier(for: "a/b c", prefix: "id-")
        #expect(odd.hasPrefix("id-abc-") && odd.count == "id-abc-".count + 16, "\(odd)")
        #expect(ids.identifier(for: "id-ww-p01", prefix: "") == "id-ww-p01-2", "a clash gets a number")
        #expect(ids.identifier(for: "1abc", prefix: "") == "_1abc", "an NCName does not start with a digit")
        #expect(ids.identifier(for: "", prefix: "x-").hasPrefix("x-"))
        #expect(ids.identifier(for: String(repeating: "a", count: 101), prefix: "id-").count == "id-".count + 60 + 1 + 16)
        var again = ExchangeIdentifiers()
        #expect(again.identifier(for: "a/b c", prefix: "id-") == odd, "stable from run to run")
        for key in ["ww-p01", "a/b c", "é", "..", "-", "12", "<x>", String(repeating: "z", count: 500)] {
            #expect(ExchangeIdentifiers.isNCName(again.identifier(for: key, prefix: "")), "\(key)")
        }
        #expect(!ExchangeIdentifiers.isNCName("1a") && !ExchangeIdentifiers.isNCName("a b") && !ExchangeIdentifiers.isNCName(""))
    }

    @Test("language tags as xml:lang takes them: nl, en-GB, de-1996; not nl_NL, an empty one or a part over 8")
    func languageTags() {
        #expect(["nl", "en", "en-GB", "de-1996", "x-klingon"].allSatisfy(XMLText.isLanguageTag))
        #expect(!["", "nl_NL", "1nl", "nl-", "-nl", "abcdefghi", "nl-abcdefghi", "né"].contains(where: XMLText.isLanguageTag))
    }
}
