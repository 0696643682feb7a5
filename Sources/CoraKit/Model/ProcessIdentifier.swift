/// Rules for process ids: which ids are valid and how a missing id is derived.
///
/// Ids must match `[A-Za-z0-9._-]+` so that ArchiMate tools accept them. A missing id is derived
/// from the code (or, without a code, from the name), so the same input always gets the same ids.
public enum ProcessIdentifier {
    /// Whether `id` is a valid id: not empty, only ASCII letters, digits, `.`, `_` and `-`.
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy(isIDByte)
    }

    /// A valid id made from `code`, or from `name` when the code is empty; `nil` when both are empty.
    ///
    /// Accents are removed (`é` → `e`), anything else outside the allowed characters becomes `-`,
    /// and an id that would start with something other than a letter gets the prefix `p-`
    /// (XML-based ArchiMate exchange files need a letter first). Names are lower-cased.
    public static func derive(code: String, name: String) -> String? {
        let fromCode = slug(code)
        if !fromCode.isEmpty { return prefixed(fromCode) }
        let fromName = slug(name).lowercased()
        if !fromName.isEmpty { return prefixed(fromName) }
        return nil
    }

    /// `id`, or `id-2`, `id-3`, … : the first that is not in `taken`.
    public static func unique(_ id: String, avoiding taken: Set<String>) -> String {
        unique(id) { taken.contains($0) }
    }

    /// `id`, or `id-2`, `id-3`, … : the first for which `isTaken` says no.
    public static func unique(_ id: String, isTaken: (String) -> Bool) -> String {
        unique(id, from: 1, isTaken: isTaken).id
    }

    /// `id` (number 1), or `id-2`, `id-3`, …: the first from number `first` on for which `isTaken`
    /// says no, and its number. Whoever numbers many rows of one name starts where the last search
    /// ended (the numbers before it stay taken), instead of counting from 2 for every row.
    public static func unique(_ id: String, from first: Int, isTaken: (String) -> Bool) -> (id: String, number: Int) {
        if first <= 1, !isTaken(id) { return (id, 1) }
        var counter = max(2, first)
        while isTaken("\(id)-\(counter)") { counter += 1 }
        return ("\(id)-\(counter)", counter)
    }

    /// Turns text into id characters: accents removed, runs of other characters (and of `-`) become
    /// one `-`: `Verrekenen service-/stookkosten` → `Verrekenen-service-stookkosten`.
    public static func slug(_ text: String) -> String {
        // Already id characters without a run of dashes (a code such as `P03.01`): itself.
        var previous: UInt8 = 0
        if text.utf8.allSatisfy({ byte in
            defer { previous = byte }
            return isIDByte(byte) && !(byte == UInt8(ascii: "-") && previous == UInt8(ascii: "-"))
        }) { return text }
        var result = ""
        var pendingDash = false
        for scalar in TextNormalization.foldAccents(text).unicodeScalars {
            if scalar.isASCII, isIDByte(UInt8(scalar.value)) {
                if pendingDash && !result.isEmpty && result.last != "-" && scalar != "-" { result.append("-") }
                pendingDash = false
                if scalar == "-" && result.last == "-" { continue }
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    private static func prefixed(_ slug: String) -> String {
        guard let first = slug.utf8.first else { return slug }
        let isLetter = (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)
        return isLetter ? slug : "p-" + slug
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): return true
        default: return false
        }
    }
}
