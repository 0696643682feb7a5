import CoraCSV

/// Writing a draft: the commented YAML that `cora mapping init` prints.
extension MappingDraft {
    /// The draft as a commented YAML mapping.
    public var yaml: String {
        var lines: [String] = []
        lines.append("# \(name): drafted by `cora mapping init` from \(file)")
        let headerPlace = headerLine > 0 ? "line \(headerLine)" : "record \(skipRows + 1)"
        lines.append("# (header on \(headerPlace), \(header.count) columns; \(sampleRows) sample rows looked at).")
        lines.append("#")
        lines.append("# Check every line marked TODO, then convert with:")
        lines.append("#   cora convert \(file) --mapping THIS_FILE")
        lines.append("# Mappings/README.md describes every key.")
        lines.append("name: \(YAMLText.scalar(name))")
        lines.append("description: \(YAMLText.scalar("Drafted from \(file); describe the export here"))")
        if let language {
            let words = language == .en ? "English" : "Dutch"
            lines.append("language: \(language.rawValue)   # the names are checked against the \(words) naming convention (\(words) words in the export)")
        }
        lines.append("")

        if delimiter != nil || encoding != nil || skipRows > 0 {
            lines.append("# How the file is written (detected in \(file)).")
            lines.append("dialect:")
            if let delimiter { lines.append("  delimiter: \(YAMLText.scalar(CSVDialect.name(ofDelimiter: delimiter), quoted: true))") }
            if let encoding { lines.append("  encoding: \(encoding.rawValue)") }
            if skipRows > 0 { lines.append("  skip-rows: \(skipRows)   # rows above the header (a title)") }
            lines.append("")
        }

        let others = unplaced.filter { !header[$0].isEmpty }
        if !others.isEmpty {
            lines.append("# The other columns of this export, so that `--mapping auto` recognises it.")
            lines.append("detect:")
            lines.append("  headers: [\(Self.distinct(others.map { header[$0] }).map { YAMLText.scalar($0) }.joined(separator: ", "))]")
            lines.append("")
        }

        let fieldsLine = lines.count
        lines.append("fields:")
        var anyField = false
        for field in CanonicalField.allCases {
            guard let draft = fields[field] else { continue }
            anyField = true
            lines.append(contentsOf: render(field, draft))
        }
        let missing = CanonicalField.allCases.filter { fields[$0] == nil && !($0 == .name && !levelColumns.isEmpty) }
        if !missing.isEmpty && anyField {
            lines.append("  # No column found for: \(missing.map(\.rawValue).joined(separator: ", ")).")
            if missing.contains(.name) {
                lines.append("  # TODO: every process needs a name: add `name: COLUMN` with the header of the column that holds")
                lines.append("  # the process names (the columns not placed are listed at the end).")
            }
        }
        if !anyField {
            lines.append("  # TODO: no column was recognised; name at least the column with the process names:")
            lines.append("  # name: Procesnaam")
            // `fields:` must still be a mapping.
            lines[fieldsLine] = "fields: {}"
        }
        lines.append("")

        lines.append(contentsOf: renderHierarchy())
        lines.append("")

        if others.isEmpty {
            lines.append("# Every column is placed in a field; a column added later is kept as a property.")
        } else {
            lines.append("# Columns not placed in a field, kept as properties of their process:")
            for index in others {
                lines.append("#   \(header[index])")
                for line in columnNotes[index]?.split(separator: "\n") ?? [] { lines.append("#     \(line)") }
            }
        }
        let blanks = unplaced.filter { header[$0].isEmpty }
        if !blanks.isEmpty {
            lines.append("# Columns without a header (kept as \"column N\" when they hold data): \(blanks.map { String($0 + 1) }.joined(separator: ", ")).")
        }
        lines.append("properties: all")
        // Header text also goes into comments: a line break or a control character there would end
        // the comment and inject YAML, or make the file unreadable (YAML allows neither).
        return lines.map(YAMLText.oneLine).joined(separator: "\n") + "\n"
    }

    /// The `flags:` of the requirements field: one line per yes/no column.
    private func flagLines(_ flags: [Flag]) -> [String] {
        guard !flags.isEmpty else { return [] }
        return ["    flags:   # a yes (ja, x, 1, …) in the column adds the requirement"]
            + flags.map { "      \(YAMLText.scalar($0.column)): \($0.tag)" }
    }

    private func render(_ field: CanonicalField, _ draft: FieldDraft) -> [String] {
        var lines = draft.notes.map { "  # \($0)" }
        if let constant = draft.constant {
            lines.append("  \(field.rawValue):")
            lines.append("    constant: \(YAMLText.scalar(constant))")
            return lines
        }
        guard let index = draft.index else {
            if !draft.flags.isEmpty {
                lines.append("  \(field.rawValue):")
                lines.append(contentsOf: flagLines(draft.flags))
            }
            return lines
        }
        let column = YAMLText.scalar(header[index])
        let simple = draft.flags.isEmpty && draft.split.isEmpty && draft.values.isEmpty && draft.stripPrefixes.isEmpty && draft.stripSuffixes.isEmpty
            && !draft.collapseWhitespace && !draft.required && draft.match == nil
        if simple {
            lines.append("  \(field.rawValue): \(column)")
            return lines
        }
        lines.append("  \(field.rawValue):")
        lines.append("    column: \(column)")
        if draft.required { lines.append("    required: true") }
        if !draft.split.isEmpty {
            let what = draft.split == ["\n"] ? "one value per line in a cell" : draft.split.contains("\n") ? "several values in a cell, or one per line" : "several values in a cell"
            lines.append("    split: [\(draft.split.map { YAMLText.scalar($0, quoted: true) }.joined(separator: ", "))]   # \(what)")
        }
        if draft.collapseWhitespace { lines.append("    collapse-whitespace: true   # some names have double spaces") }
        if !draft.stripPrefixes.isEmpty {
            lines.append("    strip-prefixes: [\(draft.stripPrefixes.map { YAMLText.scalar($0, quoted: true) }.joined(separator: ", "))]   # the original is kept as \"\(header[index]) (original)\"")
        }
        if !draft.stripSuffixes.isEmpty {
            lines.append("    strip-suffixes: [\(draft.stripSuffixes.map { YAMLText.scalar($0, quoted: true) }.joined(separator: ", "))]")
        }
        if let match = draft.match { lines.append("    match: \(match.rawValue)") }
        lines.append(contentsOf: flagLines(draft.flags))
        if !draft.values.isEmpty {
            let width = draft.values.map { YAMLText.scalar($0.from).count }.max() ?? 0
            let valueWidth = draft.values.map { ($0.to ?? "???").count }.max() ?? 0
            let entries = draft.values.map { entry -> String in
                let key = YAMLText.scalar(entry.from)
                let padding = String(repeating: " ", count: max(0, width - key.count))
                let to = entry.to.map { $0.isEmpty ? "\"\"" : $0 } ?? "???"
                let line = "\(key):\(padding) \(to)" + String(repeating: " ", count: max(0, valueWidth - to.count)) + "   # \(entry.note)"
                return entry.to == nil ? "      # " + line : "      " + line
            }
            let what = field == .level ? "the built-in levels do not cover" : field == .category ? "the built-in categories do not cover"
                : "mean something else"
            if field != .level && field != .category {
                lines.append("    values:   # \(file)'s own way to say it; an empty value clears it")
            } else if draft.values.contains(where: { $0.to != nil }) {
                lines.append("    # Values in \(file) that \(what):")
                lines.append("    values:")
            } else {
                lines.append("    # Values in \(file) that \(what); uncomment and fill in:")
                lines.append("    # values:")
            }
            lines.append(contentsOf: entries)
        }
        return lines
    }

    private func renderHierarchy() -> [String] {
        var lines: [String] = []
        switch shape {
        case .levelColumns:
            lines.append("# One column per level; a blank cell means \"the same as the row above\".")
            lines.append("# TODO: check the level of each column.")
            lines.append("hierarchy:")
            lines.append("  from: level-columns")
            lines.append("  levels:")
            for column in levelColumns {
                lines.append("    - column: \(YAMLText.scalar(header[column.index]))")
                if let level = column.level {
                    lines.append("      level: \(level.rawValue)")
                } else {
                    lines.append("      # level: TODO")
                }
            }
        case .parentColumn:
            let column = fields[.parent]?.index.map { Self.quotedHeader(header[$0]) } ?? "the parent column"
            lines.append("# The parent of each process is in \(column).")
            lines.append("hierarchy:")
            lines.append("  from: parent-column")
        case .dottedCodes:
            let column = fields[.code]?.index.map { Self.quotedHeader(header[$0]) } ?? "the code"
            lines.append("# The codes in \(column) carry the hierarchy: 1.2.3 is under 1.2.")
            lines.append("hierarchy:")
            lines.append("  from: dotted-codes")
        case nil:
            lines.append("# No hierarchy found (no parent column, dotted codes or level columns): every process is at the top.")
            lines.append("hierarchy:")
            lines.append("  from: parent-column")
        }
        if !levelsByDepth.isEmpty {
            lines.append(fields[.level] == nil ? "  # No level column: the level follows from the depth. TODO: check."
                                               : "  # A row without a level gets the level of its depth.")
            lines.append("  levels-by-depth: [\(levelsByDepth.map(\.rawValue).joined(separator: ", "))]")
        }
        lines.append("  inherit-category: true   # a process without a category takes its parent's")
        return lines
    }
}
