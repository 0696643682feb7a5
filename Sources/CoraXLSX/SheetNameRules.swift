/// The names Excel allows on a sheet's tab: 1 to 31 characters, none of `[ ] : * ? / \`, no
/// apostrophe at either end, not `History`, and no two the same in any case.
enum SheetNameRules {
    /// The most characters (UTF-16 code units, as Excel counts) of a sheet's name.
    static let maxLength = 31
    /// The characters a sheet's name cannot have.
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Throws ``WorkbookError/Kind/unwritable`` for the first name of `names` that Excel would refuse.
    static func check(_ names: [String]) throws(WorkbookError) {
        if names.isEmpty {
            throw WorkbookError(.unwritable, "a workbook needs at least one sheet")
        }
        var seen: [String: Int] = [:]
        for (offset, name) in names.enumerated() {
            let number = offset + 1
            if name.isEmpty {
                throw WorkbookError(.unwritable, "sheet \(number) has an empty name; a sheet's name has 1 to \(maxLength) characters")
            }
            let length = name.utf16.count
            if length > maxLength {
                throw WorkbookError(.unwritable, "the sheet name \"\(name)\" has \(length) characters; a sheet's name has at most \(maxLength)")
            }
            if let character = name.first(where: { forbidden.contains($0) }) {
                throw WorkbookError(.unwritable, "the sheet name \"\(name)\" has \"\(character)\"; a sheet's name cannot have any of [ ] : * ? / \\")
            }
            if let scalar = name.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0xFFFE || $0.value == 0xFFFF }) {
                let code = String(scalar.value, radix: 16, uppercase: true)
                throw WorkbookError(.unwritable, "the name of sheet \(number) has the control character U+\(String(repeating: "0", count: 4 - code.count))\(code); a sheet's name cannot have one")
            }
            if name.hasPrefix("'") || name.hasSuffix("'") {
                throw WorkbookError(.unwritable, "the sheet name \"\(name)\" starts or ends with an apostrophe; Excel does not allow that")
            }
            let folded = name.lowercased()
            if folded == "history" {
                throw WorkbookError(.unwritable, "the sheet name \"\(name)\" is reserved by Excel")
            }
            if let earlier = seen[folded] {
                throw WorkbookError(.unwritable, "sheets \(earlier) and \(number) are both named \"\(name)\"; sheet names must differ in more than case")
            }
            seen[folded] = number
        }
    }
}
