import Foundation
import Testing

/// Issue 15: what the two reviews of the new diagrams found (a new user with the README, a tester
/// breaking it from outside), each shown fixed.
@Suite("Diagrams: review findings")
struct DiagramReviewFindingsTests {
    static let header = "id,code,name,level,category,parent,next"

    /// `cora convert input --to dot` drawn by `dot -Tsvg`: the SVG text and what dot said.
    static func svg(_ scratch: Scratch, _ arguments: String...) throws -> (svg: String, warnings: String, run: CLIRun) {
        let run = try CoraCLI.run(["convert"] + arguments + ["--to", "dot"], in: scratch.url)
        let drawn = try Tool.run("dot", ["-Tsvg"], input: run.stdout)
        #expect(drawn.status == 0, "dot refused: \(drawn.stderr)")
        return (String(decoding: drawn.stdout, as: UTF8.self), drawn.stderr, run)
    }

    /// How often the element `a_p-<id>` is in `svg`.
    static func count(_ id: String, in svg: String) -> Int {
        svg.components(separatedBy: "id=\"a_p&#45;\(id.replacingOccurrences(of: "-", with: "&#45;"))\"").count - 1
    }

    @Test("a name of one letter with 8,200 accents (16 KB in one character) is cut and drawn in every view, not refused by dot")
    func oneLongCharacter() throws {
        let scratch = try Scratch()
        try scratch.write("accent.csv", Self.header + "\nP1,P1,Verhuren a" + String(repeating: "\u{301}", count: 8_200) + ",business-process,primary,,\n"
                          + "W1,W1,Toewijzen a" + String(repeating: "\u{301}", count: 8_200) + ",work-process,primary,P1,\n")
        for view in ["landscape", "full", "process:P1"] {
            let drawn = try Self.svg(scratch, "accent.csv", "--view", view, "--title", "Titel a" + String(repeating: "\u{301}", count: 9_000))
            #expect(drawn.run.status == 0 && drawn.warnings.isEmpty, "\(view): \(drawn.warnings)")
            #expect(drawn.svg.contains("…"), "\(view): the long text is cut")
        }
    }

    @Test("a next that names the diagram's own business process is said in the card (→ P01), never drawn as a box of its own")
    func nextToTheDiagramsOwnProcess() throws {
        let scratch = try Scratch()
        try scratch.write("eigen.csv", Self.header + "\nP1,P01,Verhuren woningen,business-process,primary,,\n"
                          + "P1-W,P01.01,Toewijzen woningen,work-process,primary,P1,P1\nP1-S,P01.01.01,Controleren inkomen,process-step,primary,P1-W,P1\n")
        let drawn = try Self.svg(scratch, "eigen.csv", "--view", "process:P1")
        #expect(drawn.warnings.isEmpty)
        #expect(!drawn.svg.contains("class=\"edge\""), "no line to the frame")
        #expect(drawn.svg.components(separatedBy: "class=\"node\"").count - 1 == 1, "one node: the card")
        #expect(drawn.svg.components(separatedBy: ">→ P01</text>").count - 1 == 2, "the work process and the step say it")
    }

    @Test("--keep-invalid: a cycle through a chain, and two chains that are each other's parent, lose no process in the full view or the landscape")
    func cyclesThroughChains() throws {
        let scratch = try Scratch()
        try scratch.write("cyclus.csv", Self.header + "\nk1,K1,Keten een,process-chain,primary,x,\nx,X,Verhuren woningen,business-process,primary,k1,\n"
                          + "xw,XW,Toewijzen woningen,work-process,primary,x,\nok,OK,Verhuren garages,business-process,primary,,\n"
                          + "k2,K2,Keten twee,process-chain,primary,k3,\nk3,K3,Keten drie,process-chain,primary,k2,\n")
        let full = try Self.svg(scratch, "cyclus.csv", "--keep-invalid", "--view", "full")
        for id in ["k1", "x", "xw", "ok", "k2", "k3"] { #expect(Self.count(id, in: full.svg) == 1, "full: \(id)") }
        let landscape = try Self.svg(scratch, "cyclus.csv", "--keep-invalid")
        for id in ["k1", "x", "ok", "k2", "k3"] { #expect(Self.count(id, in: landscape.svg) == 1, "landscape: \(id)") }
        // The business process in the cycle is the frame of its own diagram, not also a step in it.
        let process = try Self.svg(scratch, "cyclus.csv", "--keep-invalid", "--view", "process:x")
        // (The frame's tooltip is the one a_p-x; no card or cell is x.)
        #expect(Self.count("x", in: process.svg) == 1 && process.svg.components(separatedBy: "id=\"p&#45;x\"").count - 1 == 1)
        #expect(Self.count("xw", in: process.svg) == 1)
    }

    @Test("a dot that does not finish within CORA_DOT_TIMEOUT seconds is ended: graphviz-failed, exit 2, no file")
    func dotTimeout() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.header + "\nP1,P1,Verhuren woningen,business-process,primary,,\n")
        let dot = try scratch.write("dot", "#!/bin/sh\nexec sleep 300\n")
        #expect(chmod(dot.path, 0o755) == 0)
        let run = try CoraCLI.run(["convert", "in.csv", "--to", "svg", "-o", "out.svg"], in: scratch.url,
                                  environment: ["CORA_DOT": dot.path, "CORA_DOT_TIMEOUT": "1"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrText.contains("error: dot did not finish drawing the diagram within 1 s and was ended (CORA_DOT_TIMEOUT sets the seconds) [graphviz-failed]"), "\(run)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out.svg").path))
    }

    @Test("--view each into the folder of its input, whose name is one of the diagrams': output-over-input, the input untouched")
    func eachOverItsInput() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("map"), withIntermediateDirectories: true)
        let inventory = Self.header + "\nP1,P1,Verhuren woningen,business-process,primary,,\n"
        try scratch.write("map/landscape.dot", inventory)
        let run = try scratch.cora("convert", "map/landscape.dot", "--mapping", "canonical", "--to", "dot", "--view", "each", "-o", "map")
        #expect(run.status == 2, "\(run)")
        #expect(run.stderrLines.contains("map/landscape.dot: error: the output of -o is the input map/landscape.dot; nothing was written [output-over-input]"), "\(run)")
        #expect(String(decoding: try scratch.read("map/landscape.dot"), as: UTF8.self) == inventory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("map").path) == ["landscape.dot"])
    }

    @Test("a process diagram's title is its process, the model's title (or --title) above it; --view takes any case")
    func titlesOfEach() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.header + "\nP1,P01,Verhuren woningen,business-process,primary,,\nP2,P02,Innen huur,business-process,primary,,\n")
        let run = try scratch.cora("convert", "in.csv", "--to", "dot", "--view", "EACH", "--title", "Ons model", "-o", "alles")
        #expect(run.status == 0, "\(run)")
        let p1 = String(decoding: try scratch.read("alles/P1.dot"), as: UTF8.self)
        #expect(p1.contains("<FONT POINT-SIZE=\"11\" COLOR=\"#555555\">Ons model</FONT>"), "\(p1)")
        #expect(p1.contains("<FONT POINT-SIZE=\"20\"><B>Bedrijfsproces P01 Verhuren woningen</B></FONT>"), "\(p1)")
        let landscape = String(decoding: try scratch.read("alles/landscape.dot"), as: UTF8.self)
        #expect(landscape.contains("<FONT POINT-SIZE=\"20\"><B>Ons model</B></FONT>"))
        #expect(try scratch.cora("convert", "in.csv", "--to", "dot", "--view", "Process:P2").status == 0)
    }

    @Test("--view process: of a process the model lacks names the business processes, with … only when there are more than eight")
    func unknownProcessMessage() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.header + "\nP1,P01,Verhuren woningen,business-process,primary,,\n")
        let run = try scratch.cora("convert", "in.csv", "--to", "dot", "--view", "process:P9")
        #expect(run.status == 2)
        #expect(run.stderrText.contains("error: --view: no process with id or code \"P9\" in the model (business processes: P1) [invalid-view]"), "\(run)")
    }

    @Test("batch: each file's diagram is titled with its name, the merged model's with none (not \"Procesmodel merged\")")
    func batchTitles() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("in"), withIntermediateDirectories: true)
        try scratch.write("in/oost.csv", Self.header + "\nP1,P01,Verhuren woningen,business-process,primary,,\n")
        try scratch.write("in/west.csv", Self.header + "\nQ1,Q01,Innen huur,business-process,primary,,\n")
        let merged = try scratch.cora("batch", "in", "--out", "samen", "--merge", "--to", "dot")
        #expect(merged.status == 0, "\(merged)")
        #expect(String(decoding: try scratch.read("samen/merged.dot"), as: UTF8.self).contains("<FONT POINT-SIZE=\"20\"><B>Procesmodel</B></FONT>"))
        let each = try scratch.cora("batch", "in", "--out", "apart", "--to", "dot")
        #expect(each.status == 0, "\(each)")
        #expect(String(decoding: try scratch.read("apart/oost.dot"), as: UTF8.self).contains("<FONT POINT-SIZE=\"20\"><B>Procesmodel oost</B></FONT>"))
    }
}
