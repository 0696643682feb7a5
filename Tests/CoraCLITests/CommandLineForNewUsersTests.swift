import Foundation
import Testing

/// Issue 14, point 10: what the command line says to someone new to it. A misspelled command gets
/// "did you mean"; `--to` takes aliases in any case; a mapping with several mistakes reports all of
/// them; the list of formats in `cora help convert` keeps its indentation when it wraps; and what
/// the argument parser echoes back has its control characters escaped.
@Suite("the command line for new users")
struct CommandLineForNewUsersTests {
    @Test("cora convrt: 'did you mean convert?' with the usage, exit 64; a word like no command is left to the parser")
    func misspelledCommand() throws {
        let scratch = try Scratch()
        let run = try scratch.cora("convrt", "x.csv")
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderrText == """
            Error: unknown command 'convrt'; did you mean 'convert'?
            Usage: cora <subcommand>
              See 'cora --help' for the commands.

            """)
        let validate = try scratch.cora("valdiate")
        #expect(validate.status == 64)
        #expect(validate.stderrLines.first == "Error: unknown command 'valdiate'; did you mean 'validate'?")
        let batch = try scratch.cora("Batch", "in", "--out", "out")
        #expect(batch.stderrLines.first == "Error: unknown command 'Batch'; did you mean 'batch'?")
        let other = try scratch.cora("xyzzy")
        #expect(other.status == 64)
        #expect(other.stderrLines.first == "Error: Unexpected argument 'xyzzy'")
    }

    @Test("--to markdown, MD, Markdown and md write the same document; batch takes CSV,Markdown; a near miss gets 'did you mean'")
    func formatAliases() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Canonical.document(Canonical.row("a", "P1", "Verhuren eenheden")))
        let md = try scratch.cora("convert", "in.csv", "--to", "md")
        #expect(md.status == 0, "\(md)")
        #expect(md.stdoutText.hasPrefix("# Procesmodel\n"))
        for word in ["markdown", "MD", "Markdown", " md "] {
            let run = try scratch.cora("convert", "in.csv", "--to", word)
            #expect(run.status == 0, "\(word): \(run)")
            #expect(run.stdout == md.stdout, "--to \(word)")
        }
        let gv = try scratch.cora("convert", "in.csv", "--to", "GraphViz")
        #expect(gv.stdoutText.hasPrefix("digraph"), "\(gv)")
        let archi = try scratch.cora("convert", "in.csv", "--to", "ARCHI", "-o", "set", "--prefix", "x-")
        #expect(archi.status == 0, "\(archi)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("set/x-elements.csv").path))
        let batch = try scratch.cora("batch", "in.csv", "--out", "out", "--to", "CSV,Markdown")
        #expect(batch.status == 0, "\(batch)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/in.md").path))
        let near = try scratch.cora("convert", "in.csv", "--to", "mdd")
        #expect(near.status == 64)
        #expect(near.stderrLines.first == "Error: --to: unknown format \"mdd\" (did you mean md?); use one or more of csv, excel-csv, xlsx, md, html, dot, svg, png, json, archi, ameff, separated by commas")
        let far = try scratch.cora("convert", "in.csv", "--to", "pdf")
        #expect(far.stderrLines.first == "Error: --to: unknown format \"pdf\"; use one or more of csv, excel-csv, xlsx, md, html, dot, svg, png, json, archi, ameff, separated by commas")
    }

    @Test("a mapping with three mistakes reports all three, each with its line and 'did you mean' (exit 2)")
    func everyMappingMistake() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", "Procescode;Procesnaam;Soort\r\nP1;Verhuren eenheden;Bedrijfsproces\r\n")
        try scratch.write("typos.yaml", """
            name: typos
            fields:
              naam: Procesnaam
              code:
                colums: Procescode
              level: Soort
            hierachy:
              from: parent

            """)
        let run = try scratch.cora("validate", "in.csv", "--mapping", "typos.yaml")
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrText == """
            typos.yaml:3: error: unknown field "naam" in fields [invalid-mapping]
            typos.yaml:3: note: did you mean "name"? Allowed: id, code, name, level, category, parent, order, owner, function, services, events, applications, next, status, description, requirements, steers, reports-to, pdca-phase
            typos.yaml:5: error: unknown key "colums" in the field code [invalid-mapping]
            typos.yaml:5: note: did you mean "columns"? Allowed: columns, column, constant, default, split, trim, required, collapse-whitespace, values, strip-prefixes, strip-suffixes, match, flags
            typos.yaml:7: error: unknown key "hierachy" in a mapping [invalid-mapping]
            typos.yaml:7: note: did you mean "hierarchy"? Allowed: name, description, detect, dialect, trim, collapse-whitespace, fields, hierarchy, properties, language, requirement-tags

            """)
    }

    @Test("cora help convert: each format's description wraps under itself, within the width of the terminal")
    func formatListIndented() throws {
        let scratch = try Scratch()
        for columns in [60, 80, 120] {
            let run = try CoraCLI.run(["help", "convert"], in: scratch.url, environment: ["COLUMNS": String(columns)])
            #expect(run.status == 0)
            let lines = run.stdoutText.components(separatedBy: "\n")
            let start = try #require(lines.firstIndex(of: "Formats (--to):"))
            let end = try #require(lines[start...].firstIndex(of: ""))
            let block = lines[(start + 1)..<end]
            #expect(block.count > 8, "COLUMNS=\(columns)")
            for line in block {
                #expect(line.count <= columns, "COLUMNS=\(columns): \(line)")
                // A format's first line (two blanks, the name, blanks to column 13) or a continuation
                // indented to that column.
                #expect(line.range(of: #"^(  [a-z-]+ +| {13})\S"#, options: .regularExpression) != nil, "COLUMNS=\(columns): \(line)")
            }
            #expect(block.contains { $0.hasPrefix("  md         a Markdown document") })
        }
    }

    @Test("an argument with control characters is echoed escaped in the parser's errors")
    func parserErrorsEscaped() throws {
        let scratch = try Scratch()
        let run = try scratch.cora("convert", "in.csv", "--bo\u{1B}[31mgus")
        #expect(run.status == 64)
        #expect(!run.stderr.contains(0x1B), "\(run)")
        #expect(run.stderrLines.first == "Error: Unknown option '--bo\\u001b[31mgus'")
    }
}
