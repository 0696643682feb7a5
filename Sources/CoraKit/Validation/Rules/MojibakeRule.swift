/// `mojibake`: UTF-8 text that was once read as Windows-1252 and saved again (`Ã«` for `ë`,
/// `â€™` for `’`), or a character lost in an earlier conversion (`�`), in any field or property
/// (see ``Mojibake``). An error, with the repaired text as the hint when it can be worked out.
public struct MojibakeRule: CellRule {
    public let code = DiagnosticCode.mojibake
    public let checksProperties = true

    public init() {}

    public func check(_ cell: Cell) -> RuleFinding? {
        guard let finding = Mojibake.inspect(cell.value) else { return nil }
        let parts = ListFormatting.and(finding.parts.map { "\"\($0)\"" })
        let cause = "the file was opened as Windows-1252 while it was UTF-8 and saved again; correct the text in the source"
        var hint = cause
        if let repaired = finding.repaired {
            hint = "probably \"\(Self.excerpt(of: repaired, original: cell.value, parts: finding.parts))\"; " + cause
        } else if finding.parts.contains("\u{FFFD}") {
            hint = "\"\u{FFFD}\" stands for a character lost in an earlier conversion; " + cause
        }
        return RuleFinding("\(cell.subject) has \(parts): text saved in the wrong encoding (mojibake)", hint: hint)
    }

    /// The repaired text, or for a long text the repaired words around the suspicious parts.
    static func excerpt(of repaired: String, original: String, parts: [String]) -> String {
        guard repaired.count > 80 else { return repaired }
        let originalWords = original.split(separator: " ", omittingEmptySubsequences: false)
        let repairedWords = repaired.split(separator: " ", omittingEmptySubsequences: false)
        guard originalWords.count == repairedWords.count else { return repaired }
        let picked = originalWords.indices.filter { index in parts.contains { originalWords[index].contains($0) } }
        guard !picked.isEmpty else { return repaired }
        return picked.map { String(repairedWords[$0]) }.joined(separator: " … ")
    }
}
