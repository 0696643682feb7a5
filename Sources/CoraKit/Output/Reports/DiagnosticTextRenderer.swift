/// Renders diagnostics as compiler-style text: `file:line:column: error: message [code]`, with the
/// value and the hint on `note:` lines. Colours (ANSI) only when asked for. Text from the data (the
/// file name, values in the message and the notes) goes through ``TerminalText``, so that no
/// control character in it reaches the terminal, and every line of it is one line of its own (a line break in a value cannot fake a diagnostic).
public struct DiagnosticTextRenderer: Sendable {
    /// Whether to colour severities.
    public var colored: Bool

    /// Creates a renderer.
    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// One diagnostic, as one or more lines (each ending with a line break).
    public func render(_ diagnostic: Diagnostic) -> String {
        var location = TerminalText.oneLine(diagnostic.file)
        if let place = diagnostic.sheetPlace {
            location += ":" + TerminalText.oneLine(place)
        } else if let line = diagnostic.line {
            location += ":\(line)"
            if let column = diagnostic.column { location += ":\(column.index)" }
        }
        let severity: String
        switch diagnostic.severity {
        case .error: severity = paint("error:", "1;31")
        case .warning: severity = paint("warning:", "1;35")
        }
        var message = diagnostic.message
        if let column = diagnostic.column, !message.contains("\"\(column.name)\"") {
            message += " (column \"\(column.name)\")"
        }
        // A finding about no file in particular (a run that cannot go on) has no location to print.
        let place = location.isEmpty ? "" : paint(location + ":", "1") + " "
        var text = "\(place)\(severity) \(TerminalText.oneLine(message)) [\(diagnostic.code.rawValue)]\n"
        let notePlace = location.isEmpty ? "" : location + ": "
        if let value = diagnostic.value, !value.isEmpty, !message.contains(value) {
            text += "\(notePlace)\(paint("note:", "1;36")) the value is \(TerminalText.escaped(JSONWriter.quote(value)))\n"
        }
        if let hint = diagnostic.hint {
            text += "\(notePlace)\(paint("note:", "1;36")) \(TerminalText.oneLine(hint))\n"
        }
        return text
    }

    /// All diagnostics.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
