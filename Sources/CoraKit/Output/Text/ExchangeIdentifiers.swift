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
        let identifier = newIdentifier(for: key, prefix: prefix)
        byKey[lookup] = identifier
        return identifier
    }

    /// A new identifier for `key` under `prefix`, made as ``identifier(for:prefix:)`` makes one but
    /// never one handed out before, even for the same key (two nodes of one element, or keys that
    /// read the same once joined: `a.b` + `c` and `a` + `b.c`).
    public mutating func newIdentifier(for key: String, prefix: String) -> String {
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
        return identifier
    }

    /// Marks `identifier` as taken (an identifier kept from a document read), so that no key gets it.
    public mutating func reserve(_ identifier: String) {
        taken.insert(identifier)
    }

    /// Whether `identifier` is taken.
    public func isTaken(_ identifier: String) -> Bool {
        taken.contains(identifier)
    }

    /// `key` itself when it is an NCName (any letters, as `xs:ID` allows) that is not taken, else
    /// the identifier of `key` under `prefix` (``identifier(for:prefix:)``); the same on every call.
    public mutating func identifier(keeping key: String, prefix: String) -> String {
        let lookup = "\u{0}" + prefix + "\u{0}" + key
        if let known = byKey[lookup] { return known }
        let identifier = Self.isXMLName(key) && !taken.contains(key) ? key : self.identifier(for: key, prefix: prefix)
        taken.insert(identifier)
        byKey[lookup] = identifier
        return identifier
    }

    /// Whether `text` is an NCName as XML Namespaces define it (letters of any script; no `:`).
    public static func isXMLName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isNameStart(first) else { return false }
        return text.unicodeScalars.allSatisfy { isNameStart($0) || isNameCharacter($0) }
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return false
        }
    }

    /// Whether `text` is an NCName of the ASCII kind these identifiers are.
    public static func isNCName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, (first.isASCII && first.properties.isAlphabetic) || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy(SafeName.isCharacter)
    }
}
