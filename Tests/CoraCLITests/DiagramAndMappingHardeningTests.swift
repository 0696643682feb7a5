import Foundation
import Testing

/// Issue 13, items 15, 16 and 18: every SVG `cora` writes is well-formed XML whatever the names
/// hold; labels too long for Graphviz are cut; a Graphviz that stops early or says a lot ends the
/// run with a diagnostic; a mapping with thousands of separators splits a large cell in one pass.
@Suite("Diagrams and mappings: hardening")
struct DiagramAndMappingHardeningTests {
    /// A canonical row: id, name, level, category, parent, function and services.
    static func row(_ id: String, _ name: String, level: String, category: String = "primary", parent: String = "",
                    function: String = "", services: String = "") -> String {
        [id, "", name, level, category, parent, "1", "", function, services, "", "", "", "", "", "", "", "", ""]
            .map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
    }

    /// `xmllint --noout` on `svg`: its messages, empty when the SVG is well-formed XML.
    static func xmlProblems(_ svg: [UInt8]) throws -> String {
        let run = try Tool.run("xmllint", ["--noout", "--nonet", "-"], input: svg)
        return run.status == 0 ? run.stderr : "exit \(run.status): \(run.stderr)"
    }

    /// The `xlink:title` attributes (tooltips) of an SVG, as written.
    static func tooltips(_ svg: String) -> [String] {
        svg.components(separatedBy: "xlink:title=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    // MARK: SVG is XML

    @Test("every view of names, functions, services and a title holding entity references, U+FFFE, U+FFFF and control characters is SVG that xmllint reads, showing the text as it is")
    func hostileTextIsWellFormedSVG() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.header + "\n" + [
            Self.row("bp1", "A &#1; &#xD800; &amp;", level: "business-process", category: "steering"),
            Self.row("bp2", "B \u{FFFE}\u{FFFF}\u{1}x", level: "business-process"),
            Self.row("wp1", "Verhuren &#x1b; &lt;", level: "work-process", category: "steering", parent: "bp1",
                     function: "F &#65; \u{FFFF}", services: "S &#1;|T \u{FFFE}&amp;amp;"),
            Self.row("st1", "Stap &nbsp; \\N \"q\"", level: "process-step", category: "steering", parent: "wp1"),
        ].joined(separator: "\n") + "\n")
        let title = "Titel &#1; \u{FFFE}\u{1B}"
        for view in ["landscape", "full", "process:bp1"] {
            let run = try scratch.cora("convert", "in.csv", "--to", "svg", "--view", view, "--title", title, "-o", "out.svg")
            #expect(run.status == 0 && !run.crashed, "\(view): \(run)")
            let svg = try scratch.read("out.svg")
            #expect(try Self.xmlProblems(svg) == "", "\(view)")
            let text = String(decoding: svg, as: UTF8.self)
            // What the data says is shown as it is: an entity reference of the data is text.
            #expect(text.contains(">Titel &amp;#1; \u{FFFD} </text>"), "\(view): \(text)")
            #expect(!text.contains("\u{FFFE}") && !text.contains("\u{FFFF}") && !text.contains("&#1;") && !text.contains("&#xD800;"))
            switch view {
            case "landscape":
                #expect(text.contains(">A &amp;#1; &amp;#xD800; &amp;amp;</text>"), "\(text)")
                #expect(text.contains(">B \u{FFFD}\u{FFFD} x</text>"), "\(text)")
            case "full":
                #expect(text.contains(">A &amp;#1; &amp;#xD800; &amp;amp;</text>"), "\(text)")
                #expect(text.contains(">Verhuren &amp;#x1b; &amp;lt; </text>") && text.contains(">[F &amp;#65; \u{FFFD}]</text>"), "\(text)")
                #expect(text.contains("Stap &amp;nbsp; \\N &quot;q&quot;</text>"), "\(text)")
            default:
                #expect(text.contains(">A &amp;#1; &amp;#xD800; &amp;amp;</text>"), "\(text)")
                #expect(text.contains(">levert: S &amp;#1;, T \u{FFFD}&amp;amp;amp;</text>"), "\(text)")
            }
        }
    }

    @Test("ids kept with --keep-invalid that hold entity references, quotes, -- and U+FFFE are SVG that xmllint reads, in every view")
    func hostileIDsAreWellFormedSVG() throws {
        let scratch = try Scratch()
        let id = "b&#1;p--\"\u{FFFE}&amp;"
        try scratch.write("in.csv", Canonical.header + "\n" + [
            Self.row(id, "Besturen", level: "business-process", category: "steering"),
            Self.row("w&#xD800;-", "Verhuren", level: "work-process", category: "steering", parent: id, services: "Sleutel"),
        ].joined(separator: "\n") + "\n")
        for view in ["landscape", "full", "process:" + id] {
            let run = try scratch.cora("convert", "in.csv", "--keep-invalid", "--to", "svg", "--view", view, "-o", "out.svg")
            #expect(run.status == 1 && !run.crashed && run.stderrText.contains("[invalid-id]"), "\(view): \(run)")
            #expect(try Self.xmlProblems(try scratch.read("out.svg")) == "", "\(view)")
        }
    }

    // MARK: Graphviz's limits

    @Test("a 200 KB name, function and service, a 100 KB id and title: the SVG is drawn and is XML; labels are cut with …, the whole text (to 8,000 bytes) in a tooltip")
    func hugeTexts() throws {
        let scratch = try Scratch()
        let huge = "Verhuren " + String(repeating: "a", count: 200_000)
        let hugeID = String(repeating: "b", count: 100_000)
        try scratch.write("in.csv", Canonical.header + "\n" + [
            Self.row(hugeID, huge, level: "business-process"),
            Self.row("wp1", "Werk " + String(repeating: "é&", count: 50_000), level: "work-process", parent: hugeID,
                     function: huge, services: huge + "|kort"),
        ].joined(separator: "\n") + "\n")
        // (An argument holds at most 128 KiB.)
        let title = "Titel " + String(repeating: "t", count: 100_000)
        for view in ["landscape", "full", "process:" + hugeID] {
            let run = try scratch.cora("convert", "in.csv", "--to", "svg", "--view", view, "--title", title, "-o", "out.svg")
            #expect(run.status == 0 && !run.crashed, "\(view): \(run.status) \(run.stderrText.prefix(2_000))")
            let svg = try scratch.read("out.svg")
            #expect(try Self.xmlProblems(svg) == "", "\(view)")
            let text = String(decoding: svg, as: UTF8.self)
            #expect(text.contains("…</text>"), "\(view): no label cut")
            let tooltips = Self.tooltips(text)
            #expect(!tooltips.isEmpty && tooltips.allSatisfy { $0.hasSuffix("…") && $0.utf8.count <= 8_000 + 100 }, "\(view): \(tooltips.map { $0.prefix(40) })")
            #expect(tooltips.contains { $0.hasPrefix("Verhuren aaaa") && $0.utf8.count > 7_900 }, "\(view)")
        }
        // The DOT itself: every quoted string and every piece of the table is well under
        // Graphviz's limit, and the long id is shortened with a hash in the element's id.
        let dot = try scratch.cora("convert", "in.csv", "--to", "dot", "--view", "full")
        #expect(dot.status == 0)
        #expect(dot.stdoutText.components(separatedBy: CharacterSet(charactersIn: "<>\n")).allSatisfy { $0.utf8.count < 10_000 })
        #expect(dot.stdoutText.contains("ID=\"p-" + String(repeating: "b", count: 60) + "~"))
    }

    /// A script standing in for `dot`.
    static func fakeDot(_ scratch: Scratch, _ name: String, _ body: String) throws -> String {
        let url = try scratch.write(name, "#!/bin/sh\n" + body + "\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    @Test("a dot that exits early, is killed or floods its standard error: exit 2, graphviz-failed with what it said, never a signal, no file", .hangGuard)
    func earlyRenderer() throws {
        let scratch = try Scratch()
        // Far more DOT than a pipe holds (64 KiB), so that a dot that does not read it cannot go unnoticed.
        try scratch.write("in.csv", Canonical.header + "\n" + (1...3_000).map {
            Self.row("p\($0)", "Verhuren eenheden met een lange naam \($0)", level: "business-process")
        }.joined(separator: "\n") + "\n")
        let cases: [(script: String, body: String, message: String)] = [
            ("exit0", "echo 'fake dot: no thanks' >&2\nexit 0", "dot exited before it had read the whole diagram"),
            ("exit3", "head -c 100 >/dev/null\necho 'fake dot: read 100 bytes' >&2\nexit 3", "dot could not draw the diagram (exit 3): fake dot: read 100 bytes"),
            ("killed", "kill -9 $$", "dot was killed by signal 9 while drawing the diagram"),
            ("flood", "head -c 1000000 /dev/zero | tr '\\0' x >&2\ncat >/dev/null\nexit 1", "dot could not draw the diagram (exit 1): xxxx"),
        ]
        for (script, body, message) in cases {
            let dot = try Self.fakeDot(scratch, script, body)
            let run = try CoraCLI.run(["convert", "in.csv", "--to", "svg", "-o", "out.svg"], in: scratch.url, environment: ["CORA_DOT": dot])
            #expect(run.status == 2 && !run.crashed, "\(script): \(run.status) \(run.stderrText.prefix(3_000))")
            let errors = run.stderrLines.filter { $0.hasPrefix("error: ") }
            #expect(errors.count == 1 && errors[0].contains(message) && errors[0].hasSuffix("[graphviz-failed]"), "\(script): \(run.stderrText.prefix(3_000))")
            #expect(!(try scratch.listing()).contains("out.svg"), "\(script)")
            if script == "exit0" { #expect(errors.first?.contains("fake dot: no thanks") == true) }
            // At most 2,000 bytes of what dot said.
            if script == "flood" { #expect((errors.first?.utf8.count ?? 0) < 2_300, "\(errors.first?.utf8.count ?? 0) bytes") }
        }
        // A dot that says a lot and then draws: the drawing is written.
        let picture = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"><!-- drawn by a noisy dot --></svg>"
        let noisy = try Self.fakeDot(scratch, "noisy", "head -c 1000000 /dev/zero | tr '\\0' x >&2\ncat >/dev/null\necho '\(picture)'")
        let run = try CoraCLI.run(["convert", "in.csv", "--to", "svg", "-o", "out.svg"], in: scratch.url, environment: ["CORA_DOT": noisy])
        #expect(run.status == 0 && !run.crashed, "\(run.status) \(run.stderrText.prefix(2_000))")
        #expect(try scratch.read("out.svg") == Array((picture + "\n").utf8))
    }

    // MARK: Mappings

    @Test("a mapping with 19,000 split separators on a 1 MB cell: split in one pass (before: minutes)", .hangGuard)
    func manySeparators() throws {
        let scratch = try Scratch()
        let separators = (0..<19_000).map { String(format: "\"s%05dx\"", $0) }.joined(separator: ", ")
        try scratch.write("m.yaml", "name: many\nfields:\n  name: Naam\n  level: {constant: business-process}\n  category: {constant: primary}\n"
                          + "  services: {columns: [Diensten], split: [\(separators)]}\n")
        let cell = String(repeating: "Huurcontract, beheer s18999x sleutels ", count: 27_000)
        try scratch.write("in.csv", "Naam,Diensten\nVerhuren eenheden,\"\(cell)\"\n")
        let run = try scratch.cora("convert", "in.csv", "--mapping", "m.yaml", "--to", "json", "-o", "out.json")
        #expect(run.status == 0, "\(run)")
        let json = try parseJSON(try scratch.read("out.json")) as? [String: Any]
        let services = ((json?["processes"] as? [[String: Any]])?.first?["services"] as? [String]) ?? []
        #expect(services.count == 27_001)
        #expect(services.first == "Huurcontract, beheer" && services.last == "sleutels")
        #expect(services.dropFirst().dropLast().allSatisfy { $0 == "sleutels Huurcontract, beheer" })
    }

    @Test("a split separator of more than 16 characters: the mapping is refused at its line, exit 2")
    func longSeparator() throws {
        let scratch = try Scratch()
        try scratch.write("m.yaml", "name: long\nfields:\n  name: Naam\n  services:\n    columns: [Diensten]\n    split:\n      - \";\"\n      - \""
                          + String(repeating: "-", count: 17) + "\"\n")
        try scratch.write("in.csv", "Naam,Diensten\nVerhuren eenheden,a;b\n")
        let run = try scratch.cora("convert", "in.csv", "--mapping", "m.yaml")
        #expect(run.status == 2 && run.stdout.isEmpty, "\(run)")
        expectDiagnostic(run, prefix: "m.yaml:8: error: the split separator \"------------…\" has 17 characters; a separator has at most 16", code: "invalid-mapping")
    }
}
