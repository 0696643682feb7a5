/// The landscape and the full view: one table of three bands, each band a grid of boxes.
extension DOTRenderer {
    /// The width of a box of the landscape, in points.
    static let boxWidth = 150
    /// The height of a box of the landscape.
    static let boxHeight = 66
    /// The width of a box of the full view.
    static let fullBoxWidth = 230
    /// The column between two boxes, where an arrow goes when one follows the other.
    static let gapWidth = 20
    /// Above this many processes the full view is too large to read as one picture.
    public static let fullViewLimit = 400

    /// The landscape (`full`: with every process inside its box); `links`: the file each business
    /// process links to, by id (``renderEach(_:)``).
    func landscape(_ tree: ProcessTree, full: Bool, links: [String: String]?) -> String {
        let boxes = DiagramBoxes(tree)
        let width = full ? Self.fullBoxWidth : Self.boxWidth
        // The rows a card of the full view holds, counted once (the column count tries many layouts).
        var cardRows: [String: Int] = [:]
        if full { for band in boxes.bands { for box in band.boxes { cardRows[box.process.id] = tree.descendants(of: box.process.id).count } } }
        let columns = LandscapeGrid.columns(
            for: boxes.bands.map(\.boxes), width: Double(width), gap: Double(Self.gapWidth), overhead: 70) { row in
                let heading = row.contains { $0.group != nil } ? 20.0 : 0
                guard full else { return Double(Self.boxHeight) + 8 + heading }
                let tallest = row.map { cardRows[$0.process.id] ?? 0 }.max() ?? 0
                return 34 + 15 * Double(tallest) + 8 + heading
            }
        let grid = LandscapeGrid(columns: columns)
        var state = LandscapeState()
        var bandsHTML = ""
        for band in boxes.bands {
            let colors = Self.bandColors[band.category]!
            bandsHTML += "<TR><TD BGCOLOR=\"\(colors.fill)\" COLOR=\"\(colors.line)\" BORDER=\"1\" CELLPADDING=\"8\">"
            bandsHTML += bandTable(band, rows: grid.rows(band.boxes), columns: columns, width: width, full: full, boxIDs: boxes.boxIDs,
                                   tree: tree, links: links, state: &state)
            bandsHTML += "</TD></TR>\n"
        }
        var legend: [LegendEntry] = []
        if !boxes.boxIDs.isEmpty {
            legend.append(LegendEntry(fill: "#ffffff", line: Self.bandColors[.primary]!.line,
                                      text: full ? words.businessProcessBox + "; " + words.workProcessRow : words.businessProcessBox))
        }
        if full && state.steps { legend.append(LegendEntry(fill: Self.stepFill, line: Self.stepFill, text: words.stepBox)) }
        if state.groups { legend.append(LegendEntry(fill: Self.groupColors.fill, line: Self.groupColors.line, text: words.groupHeading)) }
        if state.flows {
            let glyphs = ["→", "←", "↔"].filter(state.glyphs.contains).joined(separator: " ")
            legend.append(LegendEntry(glyph: glyphs, text: words.flow))
        }
        if links != nil { legend.append(LegendEntry(glyph: "☞", text: words.clickable)) }
        for entry in fillLegend { legend.append(LegendEntry(fill: entry.fill, line: Self.quietText, text: entry.text)) }
        var out = header(full ? "procesmodel-volledig" : "procesmodel", title: titleText, titleLink: nil, legend: legend)
        out += "  landscape [shape=plaintext, margin=0, label=<\n<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"10\" CELLPADDING=\"0\">\n"
        out += bandsHTML
        return out + "</TABLE>>];\n}\n"
    }

    /// What the bands drew, for the legend.
    struct LandscapeState {
        var groups = false
        /// The arrows drawn between neighbours, and `→` for `→ code` said in a box.
        var glyphs = Set<String>()
        var flows: Bool { !glyphs.isEmpty }
        var steps = false
        var groupsHeaded = Set<String>()
    }

    /// One band: its label, then its rows of boxes, a heading row above a row with chains in it.
    private func bandTable(_ band: DiagramBoxes.Band, rows: [LandscapeGrid.Row], columns: Int, width: Int, full: Bool, boxIDs: Set<String>,
                           tree: ProcessTree, links: [String: String]?, state: inout LandscapeState) -> String {
        let span = 2 * columns - 1
        let bandWidth = columns * width + (columns - 1) * Self.gapWidth
        var out = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">\n"
        out += "<TR><TD COLSPAN=\"\(span)\" ALIGN=\"LEFT\" HEIGHT=\"26\" WIDTH=\"\(bandWidth)\" VALIGN=\"TOP\">"
        out += "<FONT POINT-SIZE=\"14\"><B>\(DOTHTMLText.text(words.band(band.category, count: band.boxes.count)))</B></FONT></TD></TR>\n"
        if rows.isEmpty {
            out += "<TR><TD COLSPAN=\"\(span)\" HEIGHT=\"30\"><FONT POINT-SIZE=\"11\" COLOR=\"\(Self.quietText)\"><I>\(DOTHTMLText.text(words.noProcesses))</I></FONT></TD></TR>\n"
        }
        for (index, row) in rows.enumerated() {
            if index > 0 { out += "<TR><TD COLSPAN=\"\(span)\" HEIGHT=\"10\"></TD></TR>\n" }
            if row.contains(where: { $0.group != nil }) {
                state.groups = true
                out += "<TR>" + groupHeadings(row, columns: columns, width: width, state: &state) + "</TR>\n"
            }
            if full {
                out += fullRows(row, columns: columns, width: width, tree: tree, boxIDs: boxIDs, state: &state)
                continue
            }
            out += "<TR>"
            for (position, box) in row.enumerated() {
                out += landscapeBox(box, row: row, position: position, tree: tree, links: links, state: &state)
                if position + 1 < row.count { out += gap(from: box.process, to: row[position + 1].process, rows: 1, state: &state) }
            }
            if row.count < columns { out += filler(columns - row.count, width: width) }
            out += "</TR>\n"
        }
        return out + "</TABLE>"
    }

    /// The heading row over a row of boxes: one cell over each run of boxes of one chain or scenario.
    private func groupHeadings(_ row: LandscapeGrid.Row, columns: Int, width: Int, state: inout LandscapeState) -> String {
        var out = ""
        var start = 0
        while start < row.count {
            var end = start
            if let group = row[start].group {
                while end + 1 < row.count, row[end + 1].group?.id == group.id { end += 1 }
                let path = row[start].groupPath
                let characters = max(12, ((end - start + 1) * (width + Self.gapWidth) - Self.gapWidth) * 2 / 15 / max(1, path.count))
                out += "<TD COLSPAN=\"\(2 * (end - start) + 1)\" BGCOLOR=\"\(Self.groupColors.fill)\" COLOR=\"\(Self.groupColors.line)\" BORDER=\"1\" CELLPADDING=\"2\" ALIGN=\"LEFT\">"
                out += "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR>"
                // A cell per chain or scenario of the path (a scenario, then its chain), each with its
                // id and tooltip where it first appears; an empty one is a box of its own, which has them.
                for (index, group) in path.enumerated() {
                    var attributes = "ALIGN=\"LEFT\""
                    if row[start].process.id != group.id, state.groupsHeaded.insert(group.id).inserted {
                        attributes += " ID=\"\(DiagramElementID.of(group.id))\" HREF=\"#a_\(DiagramElementID.of(group.id))\""
                        attributes += " TOOLTIP=\"\(DOTHTMLText.attribute(words.tooltip(group, nextNames: [])))\""
                    }
                    let text = DOTHTMLText.lines(Self.lines(words.language.level(group.level) + " " + Self.codeAndName(group), width: characters, maxLines: 2), align: "LEFT")
                    out += "<TD \(attributes)><FONT POINT-SIZE=\"9\"><B>\(text)\(index + 1 < path.count ? " › " : "")</B></FONT></TD>"
                }
                out += "</TR></TABLE></TD>"
            } else {
                out += "<TD></TD>"
            }
            if end + 1 < row.count { out += "<TD></TD>" }
            start = end + 1
        }
        if row.count < columns { out += filler(columns - row.count, width: width) }
        return out
    }

    /// The cells that fill a row of `missing` boxes fewer than the band's width.
    private func filler(_ missing: Int, width: Int, rows: Int = 1) -> String {
        "<TD COLSPAN=\"\(2 * missing)\"\(rows > 1 ? " ROWSPAN=\"\(rows)\"" : "") WIDTH=\"\(missing * (width + Self.gapWidth))\"></TD>"
    }

    /// The column between two neighbours: an arrow when one is followed by the other.
    private func gap(from left: CoraProcess, to right: CoraProcess, rows: Int, state: inout LandscapeState) -> String {
        let forward = left.next.contains(right.id), backward = right.next.contains(left.id)
        let glyph = forward && backward ? "↔" : forward ? "→" : backward ? "←" : ""
        if !glyph.isEmpty { state.glyphs.insert(glyph) }
        let size = rows > 1 ? " ROWSPAN=\"\(rows)\"" : ""
        return "<TD WIDTH=\"\(Self.gapWidth)\"\(size)>" + (glyph.isEmpty ? "" : "<FONT POINT-SIZE=\"16\">\(glyph)</FONT>") + "</TD>"
    }

    /// The `id`, link and tooltip attributes of a cell for `process`.
    func cellAttributes(_ process: CoraProcess, tree: ProcessTree, link: String?) -> String {
        let id = DiagramElementID.of(process.id)
        let href = link.map { DOTHTMLText.attribute($0) } ?? "#a_" + id
        return "ID=\"\(id)\" HREF=\"\(href)\" TOOLTIP=\"\(DOTHTMLText.attribute(words.tooltip(process, nextNames: nextNames(process, tree: tree))))\""
    }

    /// `→ P03, P07` for what `process` is followed by, leaving out the neighbours an arrow shows.
    private func flowMarker(_ process: CoraProcess, besides shown: Set<String>, tree: ProcessTree) -> String? {
        let targets = process.next.filter { !shown.contains($0) }
        guard !targets.isEmpty else { return nil }
        let names = targets.prefix(3).map { shortName($0, tree: tree) }.joined(separator: ", ") + (targets.count > 3 ? ", …" : "")
        return "→ " + names
    }

    /// A box of the landscape: code, name, and what follows it beyond its neighbours.
    private func landscapeBox(_ box: DiagramBoxes.Box, row: LandscapeGrid.Row, position: Int, tree: ProcessTree,
                              links: [String: String]?, state: inout LandscapeState) -> String {
        let process = box.process
        let line = Self.bandColors[process.category]!.line
        var neighbours = Set<String>()
        if position > 0 { neighbours.insert(row[position - 1].process.id) }
        if position + 1 < row.count { neighbours.insert(row[position + 1].process.id) }
        let marker = flowMarker(process, besides: neighbours, tree: tree)
        if marker != nil { state.glyphs.insert("→") }
        let isGroup = DiagramBoxes.isGroup(process)
        var out = "<TD \(cellAttributes(process, tree: tree, link: isGroup ? nil : links?[process.id])) WIDTH=\"\(Self.boxWidth)\" HEIGHT=\"\(Self.boxHeight)\""
        out += " BGCOLOR=\"\(fills[process.id] ?? (isGroup ? Self.groupColors.fill : "#ffffff"))\" COLOR=\"\(line)\" BORDER=\"1\" CELLPADDING=\"3\">"
        var top = process.code
        if process.level != .businessProcess, !isGroup { top = [top, words.language.level(process.level).lowercased()].filter { !$0.isEmpty }.joined(separator: " · ") }
        if !top.isEmpty { out += "<FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(top, limit: 26))</FONT><BR/>" }
        let nameLines = Self.lines(isGroup ? words.noBusinessProcesses : process.name, width: 24, maxLines: 5)
        out += "<FONT POINT-SIZE=\"10\">\(isGroup ? "<I>" : "")\(DOTHTMLText.lines(nameLines))\(isGroup ? "</I>" : "")</FONT>"
        if let marker { out += "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(marker, limit: 30))</FONT>" }
        return out + "</TD>"
    }

    /// A row of boxes of the full view. Each box is a card: the business process on top, then
    /// every process it holds, one cell each, indented by depth, with its code, function and what
    /// follows it; the cards of a row share the table's rows, so that they end at one height.
    private func fullRows(_ row: LandscapeGrid.Row, columns: Int, width: Int, tree: ProcessTree, boxIDs: Set<String>, state: inout LandscapeState) -> String {
        let cards = row.map { fullCard($0, tree: tree, width: width, boxIDs: boxIDs, state: &state) }
        let height = (cards.map(\.count).max() ?? 0) + 1
        var out = ""
        for line in 0..<height {
            out += "<TR>"
            for (position, card) in cards.enumerated() {
                let line_color = Self.bandColors[row[position].process.category]!.line
                if line < card.count {
                    out += card[line]
                } else if line == card.count {
                    out += "<TD ROWSPAN=\"\(height - card.count)\" BGCOLOR=\"#ffffff\" COLOR=\"\(line_color)\" BORDER=\"1\" SIDES=\"LRB\" HEIGHT=\"4\"></TD>"
                }
                if line == 0, position + 1 < row.count {
                    out += gap(from: row[position].process, to: row[position + 1].process, rows: height, state: &state)
                }
            }
            if line == 0, row.count < columns { out += filler(columns - row.count, width: width, rows: height) }
            out += "</TR>\n"
        }
        return out
    }

    /// The cells of one card of the full view, top to bottom.
    private func fullCard(_ box: DiagramBoxes.Box, tree: ProcessTree, width: Int, boxIDs: Set<String>, state: inout LandscapeState) -> [String] {
        let process = box.process
        let line = Self.bandColors[process.category]!.line
        let frame = "COLOR=\"\(line)\" BORDER=\"1\" ALIGN=\"LEFT\" BALIGN=\"LEFT\" CELLPADDING=\"3\""
        var header = "<TD \(cellAttributes(process, tree: tree, link: nil)) \(frame) SIDES=\"TLR\" BGCOLOR=\"#ffffff\" WIDTH=\"\(width)\">"
        var top = process.code
        if process.level != .businessProcess, !DiagramBoxes.isGroup(process) {
            top = [top, words.language.level(process.level).lowercased()].filter { !$0.isEmpty }.joined(separator: " · ")
        }
        if !top.isEmpty { header += "<FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(top, limit: 40))</FONT><BR ALIGN=\"LEFT\"/>" }
        header += "<FONT POINT-SIZE=\"11\"><B>\(DOTHTMLText.lines(Self.lines(process.name, width: 30, maxLines: 3), align: "LEFT"))</B></FONT>"
        if let marker = flowMarker(process, besides: [], tree: tree) {
            state.glyphs.insert("→")
            header += "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"8\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(marker, limit: 40))</FONT>"
        }
        var cells = [header + "</TD>"]
        if DiagramBoxes.isGroup(process) {
            cells.append("<TD \(frame) SIDES=\"LR\" BGCOLOR=\"#ffffff\"><FONT POINT-SIZE=\"9\" COLOR=\"\(Self.quietText)\"><I>\(DOTHTMLText.text(words.noBusinessProcesses))</I></FONT></TD>")
            return cells
        }
        // What the box holds, down to the next box (a business process below a business process is a box of its own).
        for (child, depth) in tree.descendants(of: process.id, stoppingBelow: { boxIDs.contains($0.id) }) where !boxIDs.contains(child.id) {
            let isStep = child.level == .processStep || depth > 1
            if isStep { state.steps = true }
            var text = DOTHTMLText.text(String(repeating: "    ", count: max(0, depth - 1)))
            if !child.code.isEmpty { text += "<FONT POINT-SIZE=\"8\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(child.code, limit: 30))</FONT> " }
            let indent = String(repeating: "    ", count: max(0, depth - 1))
            let nameLines = Self.lines(child.name, width: max(16, 36 - 4 * depth), maxLines: 3)
            text += DOTHTMLText.lines(nameLines.enumerated().map { $0 == 0 ? $1 : indent + $1 }, align: "LEFT")
            if !child.function.isEmpty { text += " <FONT POINT-SIZE=\"8\" COLOR=\"\(Self.quietText)\">[\(DOTHTMLText.text(child.function, limit: 40))]</FONT>" }
            if let marker = flowMarker(child, besides: [], tree: tree) {
                state.glyphs.insert("→")
                text += " <FONT POINT-SIZE=\"8\" COLOR=\"\(Self.quietText)\">\(DOTHTMLText.text(marker, limit: 40))</FONT>"
            }
            cells.append("<TD \(cellAttributes(child, tree: tree, link: nil)) \(frame) SIDES=\"LR\" BGCOLOR=\"\(isStep ? Self.stepFill : "#ffffff")\">"
                         + "<FONT POINT-SIZE=\"\(isStep ? 9 : 10)\">\(text)</FONT></TD>")
        }
        return cells
    }
}
