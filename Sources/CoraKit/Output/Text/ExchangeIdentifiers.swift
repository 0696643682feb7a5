/// Identifiers for an XML document whose ids are `xs:ID` values (the ArchiMate exchange format):
/// NCNames (a letter or `_` first, then letters, digits, `.`, `-` and `_`; ASCII only here),
/// unique across the whole document, and the same from run to run for the same keys.
///
/// A key is turned into `<prefix><key>` when it is made of those characters and at most 100 of
/// them, else into `<prefix>`, its safe characters (at most 60) and a hash of the whole key; a clash (two keys
/// that come out the same, or a key taken before) gets `-2`, `-3`, … in the order the keys are given.
public struct ExchangeIdentifiers: Sendable {
    private var byKey: [String: String] = [:]
    private var taken: Set<String> = []

    /// An empty set of identifiers.
    public init() {}

    /// The identifier of `key` under `prefix` (a name that is itself an NCName start, such as
    /// `id-` or `rel-`), made on first use.
    public mutating func identifier(for key: String, prefix: String) -> String {
        let lookup = prefix + "\u{0}" + key
        if let known = byKey[lookup] { return known }
        var base: String
        if !key.isEmpty, key.utf8.count <= 100, key.unicodeScalars.allSatisfy(SafeName.isCharacter) {
            base = prefix + key
        } else {
            let safe = String(String.UnicodeScalarView(key.unicodeScalars.filter(SafeName.isCharacter).prefix(60)))
            base = prefix + safe + (safe.isEmpty ? "" : "-") + StableHash.hex(key)
        }
        if let first = base.unicodeScalars.first, !(first.properties.isAlphabetic && first.isASCII) && first != "_" { base = "_" + base }
        var identifier = base
        var number = 1
        while taken.contains(identifier) {
            number += 1
            identifier = base + "-\(number)"
        }
        taken.insert(identifier)
        byKey[lookup] = identifier
        return identifier
    }

    /// Whether `text` is an NCName of the ASCII kind these identifiers are.
    public static func isNCName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, (first.isASCII && first.properties.isAlphabetic) || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy(SafeName.isCharacter)
    }
}
