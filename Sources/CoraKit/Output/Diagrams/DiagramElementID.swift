/// The id of a process's element in a diagram's SVG: `p-` and the process id when that is made of
/// letters, digits, `.`, `_` and `-` only (as every id is unless `--keep-invalid` kept another),
/// else `p-`, the id with every other character as `_`, and a hash of the whole id, so that two
/// ids stay apart. Graphviz copies the id and link of a table cell into its SVG without escaping
/// them again, so no character of the data may reach them.
enum DiagramElementID {
    /// The element id for `processID`.
    static func of(_ processID: String) -> String {
        let safe = processID.unicodeScalars.allSatisfy(isSafe)
        if safe && !processID.isEmpty && processID.utf8.count <= 100 { return "p-" + processID }
        let kept = String(String.UnicodeScalarView(processID.unicodeScalars.prefix(60).map { isSafe($0) ? $0 : "_" }))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in processID.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "p-" + kept + "~" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
    }
}
