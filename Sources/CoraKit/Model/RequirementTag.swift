/// One requirement a process may have to meet, as a tag in the `requirements` field: CORA's own
/// (``RequirementCatalog/cora``) or one a corporation defines in its mapping.
public struct RequirementTag: Sendable, Equatable, Hashable {
    /// The tag as the canonical model writes it: lower case, digits and `-` (`privacy`, `ao-ic`).
    public var tag: String
    /// The source of the requirement.
    public var group: RequirementGroup
    /// The label in Dutch documents ("Privacy (AVG)").
    public var dutchLabel: String
    /// The label in English documents ("Privacy (GDPR)").
    public var englishLabel: String
    /// Other words for it that inventories use (`AVG`, `GDPR`, `persoonsgegevens`).
    public var synonyms: [String]

    /// Creates a tag; the labels default to the tag itself.
    public init(tag: String, group: RequirementGroup = .own, dutchLabel: String? = nil, englishLabel: String? = nil,
                synonyms: [String] = []) {
        self.tag = tag
        self.group = group
        self.dutchLabel = dutchLabel ?? tag
        self.englishLabel = englishLabel ?? dutchLabel ?? tag
        self.synonyms = synonyms
    }

    /// Whether `text` may be a tag: lower-case ASCII letters and digits, with single `-` between
    /// them (it becomes part of element ids in Archi and the exchange format).
    public static func isValidTag(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-"),
              text.utf8.count <= 64 else { return false }
        var previousDash = false
        for byte in text.utf8 {
            let dash = byte == UInt8(ascii: "-")
            guard dash || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")),
                  !(dash && previousDash) else { return false }
            previousDash = dash
        }
        return true
    }
}
