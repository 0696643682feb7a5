import Foundation
import Testing
@testable import CoraKit

/// Issue 15: the parts the diagrams are laid out with: which processes are boxes of the landscape
/// (``DiagramBoxes``), how a band's boxes wrap into rows and how many columns the bands get
/// (``LandscapeGrid``), the file names of `--view each` (``DiagramFileNames``), and the escaping
/// of HTML-like labels (``DOTHTMLText``).
@Suite("Diagrams: boxes, grid, file names and label text")
struct DiagramLayoutTests {
    // MARK: Helpers

    static func process(_ id: String, _ level: ProcessLevel?, _ category: ProcessCategory?, parent: String = "", order: Int? = nil) -> CoraProcess {
        CoraProcess(id: id, code: id.uppercased(), name: "Verhuren " + id, level: level, category: category, parent: parent, order: order)
    }

    static func boxes(_ processes: [CoraProcess]) -> DiagramBoxes {
        DiagramBoxes(ProcessTree(ProcessModel(processes: processes)))
    }

    /// `count` boxes without a group, or under the group `group`.
    static func boxes(_ count: Int, prefix: String = "b", group: String? = nil) -> [DiagramBoxes.Box] {
        let chain = group.map { process($0, .processChain, .primary) }
        return (0..<count).map { number in
            DiagramBoxes.Box(process: process("\(prefix)\(number)", .businessProcess, .primary), group: chain, groupPath: chain.map { [$0] } ?? [])
        }
    }

    static func ids(_ rows: [LandscapeGrid.Row]) -> [[String]] {
        rows.map { $0.map(\.process.id) }
    }

    // MARK: DiagramBoxes

    @Test("the boxes are the business processes in CORA's band order, each under its nearest chain or scenario; an empty chain is a box of its own")
    func boxesPerBand() {
        let boxes = Self.boxes([
            Self.process("bp-s", .businessProcess, .steering, order: 1),
            Self.process("sc", .steeringScenario, .steering, order: 2),
            Self.process("bp-s2", .businessProcess, .steering, parent: "sc"),
            Self.process("k1", .processChain, .primary, order: 3),
            Self.process("k1a", .processChain, .primary, parent: "k1"),
            Self.process("bp-p1", .businessProcess, .primary, parent: "k1a", order: 2),
            Self.process("bp-p2", .businessProcess, .primary, parent: "k1a", order: 1),
            Self.process("wp", .workProcess, .primary, parent: "bp-p1"),
            Self.process("step", .processStep, .primary, parent: "wp"),
            Self.process("leeg", .processChain, .primary, order: 4),
            Self.process("bp-p3", .businessProcess, .primary, order: 5),
            Self.process("bp-o", .businessProcess, .supporting, order: 6),
        ])
        #expect(boxes.bands.map(\.category) == [.steering, .primary, .supporting])
        #expect(boxes.bands.map { $0.boxes.map(\.process.id) } == [["bp-s", "bp-s2"], ["bp-p2", "bp-p1", "leeg", "bp-p3"], ["bp-o"]])
        let primary = boxes.bands[1].boxes
        #expect(primary.map { $0.group?.id } == ["k1a", "k1a", "leeg", nil])
        #expect(primary.map { $0.groupPath.map(\.id) } == [["k1", "k1a"], ["k1", "k1a"], ["leeg"], []])
        #expect(boxes.bands[0].boxes.map { $0.group?.id } == [nil, "sc"])
        #expect(boxes.boxIDs == ["bp-s", "bp-s2", "bp-p1", "bp-p2", "leeg", "bp-p3", "bp-o"])
        #expect(DiagramBoxes.isGroup(Self.process("x", .processChain, nil)) && DiagramBoxes.isGroup(Self.process("x", .steeringScenario, nil)))
        #expect(!DiagramBoxes.isGroup(Self.process("x", .businessProcess, nil)) && !DiagramBoxes.isGroup(Self.process("x", nil, nil)))
    }

    @Test("a band without boxes is still there; boxes without a category get a fourth band; a cycle is not lost")
    func emptyBandsUncategorisedAndCycles() {
        let boxes = Self.boxes([
            Self.process("p", .businessProcess, .primary),
            Self.process("x", .businessProcess, nil),
            Self.process("c1", .businessProcess, .supporting, parent: "c2"),
            Self.process("c2", .businessProcess, .supporting, parent: "c1"),
        ])
        #expect(boxes.bands.map(\.category) == [.steering, .primary, .supporting, nil])
        #expect(boxes.bands.map { $0.boxes.map(\.process.id) } == [[], ["p"], ["c1"], ["x"]])
        #expect(Self.boxes([]).bands.map(\.category) == [.steering, .primary, .supporting])
        #expect(Self.boxes([]).bands.allSatisfy { $0.boxes.isEmpty })
        // A work process at the top (no business process above it) is a box.
        #expect(Self.boxes([Self.process("w", .workProcess, .primary)]).bands[1].boxes.map(\.process.id) == ["w"])
    }

    // MARK: LandscapeGrid.rows

    @Test("boxes without a group fill rows of the grid's columns, the last row shorter")
    func rowsWithoutGroups() {
        let grid = LandscapeGrid(columns: 4)
        #expect(Self.ids(grid.rows(Self.boxes(10))) == [["b0", "b1", "b2", "b3"], ["b4", "b5", "b6", "b7"], ["b8", "b9"]])
        #expect(grid.rows([]).isEmpty)
        #expect(Self.ids(LandscapeGrid(columns: 1).rows(Self.boxes(2))) == [["b0"], ["b1"]])
    }

    @Test("a chain's boxes go to a new row when they do not fit in what is left, and stay together when they fit")
    func rowsKeepGroupsTogether() {
        let grid = LandscapeGrid(columns: 4)
        let boxes = Self.boxes(2, prefix: "a") + Self.boxes(3, prefix: "k", group: "K") + Self.boxes(1, prefix: "z")
        #expect(Self.ids(grid.rows(boxes)) == [["a0", "a1"], ["k0", "k1", "k2", "z0"]])
        let fits = Self.boxes(2, prefix: "a") + Self.boxes(2, prefix: "k", group: "K")
        #expect(Self.ids(grid.rows(fits)) == [["a0", "a1", "k0", "k1"]])
        // Two chains one after another: each starts where it fits.
        let two = Self.boxes(3, prefix: "k", group: "K") + Self.boxes(3, prefix: "l", group: "L")
        #expect(Self.ids(grid.rows(two)) == [["k0", "k1", "k2"], ["l0", "l1", "l2"]])
    }

    @Test("a chain with more boxes than a row holds fills up the current row and wraps; no row is wider than the columns")
    func rowsOfALongChain() {
        let grid = LandscapeGrid(columns: 3)
        let boxes = Self.boxes(1, prefix: "a") + Self.boxes(7, prefix: "k", group: "K")
        let rows = grid.rows(boxes)
        #expect(Self.ids(rows) == [["a0"], ["k0", "k1", "k2"], ["k3", "k4", "k5"], ["k6"]])
        #expect(Self.ids(grid.rows(Self.boxes(4, prefix: "k", group: "K") + Self.boxes(2, prefix: "z"))) == [["k0", "k1", "k2"], ["k3", "z0", "z1"]])
        for count in 0..<40 {
            let mixed = Self.boxes(count % 5, prefix: "a") + Self.boxes(count, prefix: "k", group: "K") + Self.boxes(count % 3, prefix: "z")
            let rows = LandscapeGrid(columns: 4).rows(mixed)
            #expect(rows.allSatisfy { !$0.isEmpty && $0.count <= 4 })
            #expect(rows.flatMap { $0.map(\.process.id) } == mixed.map(\.process.id), "every box once, in order")
        }
    }

    // MARK: LandscapeGrid.columns

    /// The width / height of a picture of `bands` in `columns` columns, as columns(for:) reckons it.
    static func ratio(_ bands: [[DiagramBoxes.Box]], columns: Int) -> Double {
        let grid = LandscapeGrid(columns: columns)
        let height = 70 + bands.map { 40 + Double(grid.rows($0).count) * 74 }.reduce(0, +)
        let width = Double(columns) * 150 + Double(columns - 1) * 20 + 40
        return width / height
    }

    @Test("the columns make the bands about as wide as a landscape page, whatever the number of boxes")
    func columnsMakeALandscape() {
        #expect(LandscapeGrid.columns(for: [], width: 150, gap: 20, overhead: 70) { _ in 74 } == 1)
        #expect(LandscapeGrid.columns(for: [Self.boxes(1), [], []], width: 150, gap: 20, overhead: 70) { _ in 74 } == 1)
        for count in [8, 23, 60, 200, 400] {
            let bands = [Self.boxes(count / 5, prefix: "s"), Self.boxes(count - count / 5 - count / 4, prefix: "p"), Self.boxes(count / 4, prefix: "o")]
            let columns = LandscapeGrid.columns(for: bands, width: 150, gap: 20, overhead: 70) { _ in 74 }
            let ratio = Self.ratio(bands, columns: columns)
            #expect(ratio >= 1.0 && ratio <= 2.6, "\(count) boxes: \(columns) columns, width/height \(ratio)")
            // No other number of columns is closer to 16:9.
            let distance = { (ratio: Double) in max(ratio / (16.0 / 9), (16.0 / 9) / ratio) }
            for other in 1...min(96, bands.map(\.count).max()!) {
                #expect(distance(Self.ratio(bands, columns: other)) >= distance(ratio) - 1e-9, "\(count) boxes: \(other) is better than \(columns)")
            }
        }
        // At most 96 columns, however many boxes there are (5,000 business processes stay a landscape page).
        #expect(LandscapeGrid.columns(for: [Self.boxes(5_000)], width: 1, gap: 0, overhead: 0) { _ in 1 } == 96)
    }

    // MARK: DiagramFileNames

    @Test("file names of --view each: unsafe characters become _, no leading dot, at most 100 characters, case-insensitive clashes and landscape numbered")
    func fileNames() {
        let long = String(repeating: "a", count: 150)
        let names = DiagramFileNames(["a/b", "..", "P1", "p1", "landscape", "Landscape", "", ".verborgen", "é", "a b\\c:d*e?f", long, "P1", "nul\u{0}", "x~2", "x", "x"])
        #expect(names.stems["a/b"] == "a_b")
        #expect(names.stems[".."] == "_.")
        #expect(names.stems["P1"] == "P1")
        #expect(names.stems["p1"] == "p1~2")
        #expect(names.stems["landscape"] == "landscape~2")
        #expect(names.stems["Landscape"] == "Landscape~3")
        #expect(names.stems[""] == "_")
        #expect(names.stems[".verborgen"] == "_verborgen")
        #expect(names.stems["é"] == "_~2")
        #expect(names.stems["a b\\c:d*e?f"] == "a_b_c_d_e_f")
        #expect(names.stems[long] == String(repeating: "a", count: 100))
        #expect(names.stems["nul\u{0}"] == "nul_")
        #expect(names.stems["x~2"] == "x_2")
        #expect(names.stems["x"] == "x")
        #expect(names.stems.count == 14, "one stem per id")
        let stems = Array(names.stems.values)
        #expect(Set(stems.map { $0.lowercased() }).count == stems.count, "no two files one name on a case-insensitive file system")
        #expect(!stems.contains { $0.lowercased() == DiagramFileNames.landscape })
        #expect(stems.allSatisfy { !$0.hasPrefix(".") && !$0.contains("/") && $0.count <= 104 })
        #expect(DiagramFileNames.landscape == "landscape")
    }

    // MARK: DOTHTMLText

    @Test("HTML-like label text: markup, entity references, quotes and backslashes stay text; control characters become spaces")
    func labelText() {
        #expect(DOTHTMLText.text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(DOTHTMLText.text("&amp; \"q\" ]]>") == "&amp;amp; &quot;q&quot; ]]&gt;")
        #expect(DOTHTMLText.text("\\N \\\\ \\G") == "\\\\N \\\\\\\\ \\\\G")
        #expect(DOTHTMLText.text("a\u{1}b\u{1B}c\u{7F}d\te") == "a b c d e")
        #expect(DOTHTMLText.text("regel\neen\r\ntwee\rdrie") == "regel een twee drie")
        #expect(DOTHTMLText.text("x\u{FFFE}\u{FFFF}") == "x\u{FFFD}\u{FFFD}")
        #expect(DOTHTMLText.text("\u{200F}\u{202E}RTL\u{202C} مرحبا") == "\u{200F}\u{202E}RTL\u{202C} مرحبا")
        #expect(DOTHTMLText.text("é👩‍👩‍👧") == "é👩‍👩‍👧")
    }

    @Test("HTML-like attribute text keeps line breaks as &#10;; lines join with a <BR/> of their alignment")
    func attributeAndLines() {
        #expect(DOTHTMLText.attribute("a\nb\r\nc <d> \"e\"") == "a&#10;b&#10;c &lt;d&gt; &quot;e&quot;")
        #expect(DOTHTMLText.lines(["a<b", "c&d"]) == "a&lt;b<BR ALIGN=\"CENTER\"/>c&amp;d")
        #expect(DOTHTMLText.lines(["x"], align: "LEFT") == "x")
        #expect(DOTHTMLText.lines(["x", "y"], align: "LEFT") == "x<BR ALIGN=\"LEFT\"/>y")
    }

    @Test("text is cut on a character, before escaping, with … at the limit; a tooltip at 8,000 bytes after escaping")
    func cutting() {
        #expect(DOTHTMLText.cut("abcdef", to: 4) == "abc…")
        #expect(DOTHTMLText.cut("abcd", to: 4) == "abcd")
        #expect(DOTHTMLText.cut("abc", to: 0) == "")
        #expect(DOTHTMLText.cut("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", to: 2) == "👩‍👩‍👧…")
        #expect(DOTHTMLText.text("<<<<<<", limit: 3) == "&lt;&lt;…")
        let long = String(repeating: "x", count: 10_000)
        #expect(DOTHTMLText.text(long) == String(repeating: "x", count: DOTHTMLText.textLimit - 1) + "…")
        // A tooltip is cut at 8,000 bytes once escaped (Graphviz refuses 16,384), on a character, with … (3 bytes).
        #expect(DOTHTMLText.attribute(long) == String(repeating: "x", count: DOTHTMLText.tooltipLimit - 3) + "…")
        #expect(DOTHTMLText.attribute(String(repeating: "&", count: 5_000)) == String(repeating: "&amp;", count: (DOTHTMLText.tooltipLimit - 3) / 5) + "…")
        #expect(DOTHTMLText.attribute(String(repeating: "é", count: 3_999)) == String(repeating: "é", count: 3_999))
    }

    // MARK: DOTRenderer.lines

    @Test("the lines of a box: words wrap at the width, a longer word breaks into pieces of width - 4, the last line kept ends in …")
    func boxLines() {
        #expect(DOTRenderer.lines("Verhuren woongelegenheden aan nieuwe huurders", width: 24, maxLines: 4)
                == ["Verhuren", "woongelegenheden aan", "nieuwe huurders"])
        #expect(DOTRenderer.lines("Huurovereenkomstenbeheer", width: 24, maxLines: 4) == ["Huurovereenkomstenbeheer"])
        #expect(DOTRenderer.lines("Onderhoudsmeldingenbeheer", width: 24, maxLines: 4) == ["Onderhoudsmeldingenb", "eheer"])
        let long = DOTRenderer.lines("Verhuren " + String(repeating: "x", count: 10_000), width: 24, maxLines: 3)
        #expect(long == ["Verhuren", String(repeating: "x", count: 20), String(repeating: "x", count: 20) + " …"])
        #expect(DOTRenderer.lines("a b c d e", width: 1, maxLines: 2) == ["a", "b…"])
        #expect(DOTRenderer.lines("", width: 24, maxLines: 3) == [])
    }
}
