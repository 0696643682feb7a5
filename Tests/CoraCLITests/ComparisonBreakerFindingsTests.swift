import Foundation
import Testing

/// What the breaker's review of `cora diff` and `cora coverage` found, each fixed and held here.
@Suite("cora diff and coverage: the breaker's findings")
struct ComparisonBreakerFindingsTests {
    static let sample = CoraCLI.sample.path

    @Test("an output over the mapping file (diff, coverage and convert) or over another file of an Archi set is refused before anything is read (exit 64)")
    func outputOverMappingOrArchiSet() throws {
        let scratch = try Scratch()
        let mapping = try String(contentsOf: CoraCLI.packageRoot.appendingPathComponent("Mappings/canonical.yaml"), encoding: .utf8)
        try scratch.write("mine.yaml", mapping.replacingOccurrences(of: "name: canonical", with: "name: mine"))
        for arguments in [["diff", Self.sample, Self.sample, "--mapping", "mine.yaml", "-o", "mine.yaml"],
                          ["diff", Self.sample, Self.sample, "--old-mapping", "mine.yaml", "--write-pairs", "mine.yaml"],
                          ["coverage", Self.sample, "--mapping", "mine.yaml", "--reference", "vera", "-o", "mine.yaml"],
                          ["convert", Self.sample, "--mapping", "mine.yaml", "-o", "mine.yaml"]] {
            let run = try scratch.cora(arguments)
            #expect(run.status == 64 && run.errorLines.count == 1 && run.errorLines[0].hasPrefix("mine.yaml: error: the output of ")
                    && run.errorLines[0].hasSuffix("[output-over-input]"), "\(arguments): \(run)")
        }
        #expect(try scratch.read("mine.yaml") == Array(mapping.replacingOccurrences(of: "name: canonical", with: "name: mine").utf8))
        let archi = CoraCLI.packageRoot.appendingPathComponent("Samples/archi").path
        try FileManager.default.copyItem(atPath: archi, toPath: scratch.url.appendingPathComponent("set").path)
        let before = try scratch.read("set/woonstad-waterland-relations.csv")
        for arguments in [["diff", "set", "set", "-o", "set/woonstad-waterland-relations.csv"],
                          ["coverage", "set", "--reference", "vera", "-o", "set/woonstad-waterland-relations.csv"]] {
            let run = try scratch.cora(arguments)
            #expect(run.status == 64 && run.errorLines.first?.hasSuffix("[output-over-input]") == true, "\(arguments): \(run)")
        }
        #expect(try scratch.read("set/woonstad-waterland-relations.csv") == before)
    }

    @Test("without an id column, namesakes are told apart by their parents, not paired by the ids cora made from their row order")
    func madeIDsAreNoIDs() throws {
        let scratch = try Scratch()
        let header = "id,code,name,level,category,parent,owner\n,,Wonen,business-process,primary,,\n,,Klant,business-process,primary,,\n"
        try scratch.write("a.csv", header + ",,Intake,work-process,primary,Wonen,Jan\n,,Intake,work-process,primary,Klant,Piet\n")
        try scratch.write("b.csv", header + ",,Intake,work-process,primary,Klant,Piet\n,,Intake,work-process,primary,Wonen,Jan\n")
        let same = try scratch.cora("diff", "a.csv", "b.csv", "--mapping", "canonical")
        #expect(same.status == 0 && same.stdoutText.hasSuffix("4 pairs (4 by name); no differences\n"), "\(same)")
        // One of the two deleted: the other is still itself, the deleted one removed.
        try scratch.write("c.csv", header + ",,Intake,work-process,primary,Klant,Piet\n")
        let one = try scratch.cora("diff", "a.csv", "c.csv", "--mapping", "canonical", "--to", "csv")
        #expect(one.stdoutText == "kind,old,new,name,field,oldValue,newValue,match,score\nremoved,intake,,Intake,,,,,\n", "\(one)")
    }

    @Test("an empty side (an empty file, a header alone) stops the run: exit 2, nothing written")
    func emptySide() throws {
        let scratch = try Scratch()
        try scratch.write("empty.csv", "")
        try scratch.write("header.csv", "id,code,name,level,category,parent\n")
        for (arguments, file) in [(["diff", "empty.csv", Self.sample], "empty.csv"), (["diff", Self.sample, "header.csv", "--mapping", "canonical"], "header.csv"),
                                  (["coverage", Self.sample, "--reference", "empty.csv"], "empty.csv"),
                                  (["coverage", "header.csv", "--reference", "vera", "--mapping", "canonical"], "header.csv")] {
            let run = try scratch.cora(arguments)
            #expect(run.status == 2 && run.stdout.isEmpty, "\(arguments): \(run)")
            #expect(run.errorLines.last == "\(file): error: no process read (an empty file, or a header alone), so there is nothing to compare [nothing-to-compare]",
                    "\(arguments): \(run)")
        }
    }

    @Test("a pairs file that is no YAML names its line as file:line; an id of a megabyte is quoted cut; 2,000 namesakes are listed as ten and a count")
    func pairsMessages() throws {
        let scratch = try Scratch()
        try scratch.write("open.yaml", "pairs:\n  - old: [a\n")
        let open = try scratch.cora("diff", Self.sample, Self.sample, "--pairs", "open.yaml")
        #expect(open.status == 2 && open.errorLines.count == 1 && open.errorLines[0].hasPrefix("open.yaml:3: error: not valid YAML: "), "\(open)")
        try scratch.write("long.yaml", "pairs:\n  - old: \"\(String(repeating: "x", count: 1_000_000))\"\n    new: ww-p01\n")
        let long = try scratch.cora("diff", Self.sample, Self.sample, "--pairs", "long.yaml")
        #expect(long.status == 2 && long.errorLines == ["long.yaml:2: error: the old model has no process with the id \"\(String(repeating: "x", count: 200))…\" [invalid-pairs]"], "\(long.stderrText.prefix(500))")
        var rows = "id,code,name,level,category,parent\n"
        for index in 0..<2_000 { rows += "i\(index),,Intake,work-process,primary,\n" }
        try scratch.write("old.csv", rows)
        try scratch.write("new.csv", rows.replacingOccurrences(of: "i", with: "j").replacingOccurrences(of: "jd,", with: "id,").replacingOccurrences(of: "Jntake", with: "Intake"))
        let many = try scratch.cora("diff", "old.csv", "new.csv", "--mapping", "canonical", "--only", "renamed")
        let ambiguity = try #require(many.stdoutText.split(separator: "\n").first { $0.hasPrefix("? ambiguous by name:") })
        #expect(ambiguity.contains("(id i9), and 1990 more; new ") && ambiguity.hasSuffix("(id j9), and 1990 more: pair them with --pairs"), "\(ambiguity)")
    }

    @Test("small arguments: --only with no kind, --pairs -, --reference empty or misspelled")
    func smallArguments() throws {
        let scratch = try Scratch()
        let only = try scratch.cora("diff", Self.sample, Self.sample, "--only", ",")
        #expect(only.status == 64 && only.stderrText.contains("--only needs a kind: added, removed, renamed, moved, relevelled, recategorised, changed"), "\(only)")
        let pairs = try scratch.cora("diff", Self.sample, Self.sample, "--pairs", "-")
        #expect(pairs.status == 64 && pairs.stderrText.contains("--pairs needs a file name"), "\(pairs)")
        let empty = try scratch.cora("coverage", Self.sample, "--reference", "")
        #expect(empty.status == 64 && empty.stderrText.contains("--reference needs a shipped reference (vera) or a file"), "\(empty)")
        let typo = try scratch.cora("coverage", Self.sample, "--reference", "veraa")
        #expect(typo.status == 64 && typo.stderrText.contains("--reference: no file \"veraa\" and no shipped reference of that name; did you mean \"vera\"?"), "\(typo)")
    }
}
