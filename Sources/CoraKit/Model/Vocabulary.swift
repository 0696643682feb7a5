/// The words people use for levels and categories, mapped to the canonical values.
///
/// Values are compared as ``TextNormalization/matchKey(_:)`` (no accents, lower case, single
/// spaces). The built-in words cover the Dutch and English variants in CORA's own documents;
/// a mapping may add its own (for a corporation where `S` means sturend).
public struct Vocabulary<Value: Sendable & Hashable>: Sendable {
    private var words: [String: Value]
    /// Values that are ambiguous unless a mapping defines them (such as a bare `S`).
    private var ambiguous: Set<String>

    /// Creates a vocabulary from words and the canonical values.
    public init(words: [String: Value], ambiguous: Set<String> = []) {
        self.words = Dictionary(words.map { (TextNormalization.matchKey($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.ambiguous = Set(ambiguous.map(TextNormalization.matchKey))
    }

    /// The result of looking a word up.
    public enum Lookup: Equatable, Sendable {
        /// The word means `value`.
        case found(Value)
        /// The word could mean several things.
        case ambiguous
        /// The word is not known.
        case unknown
    }

    /// Looks `word` up.
    public func lookUp(_ word: String) -> Lookup {
        let key = TextNormalization.matchKey(word)
        if let value = words[key] { return .found(value) }
        if ambiguous.contains(key) { return .ambiguous }
        return .unknown
    }

    /// Adds or replaces words (a mapping's own value map); they also lift ambiguity.
    public mutating func define(_ extra: [String: Value]) {
        for (word, value) in extra {
            let key = TextNormalization.matchKey(word)
            words[key] = value
            ambiguous.remove(key)
        }
    }

    /// All known words, for "did you mean".
    public var knownWords: [String] { words.keys.sorted() }
}

extension Vocabulary where Value == ProcessLevel {
    /// The built-in level words (CORA.md §3).
    public static let levels = Vocabulary(words: [
        "steering-scenario": .steeringScenario, "stuurscenario": .steeringScenario, "steering scenario": .steeringScenario,
        "process-chain": .processChain, "procesketen": .processChain, "ketenproces": .processChain, "keten": .processChain,
        "process chain": .processChain, "chain": .processChain,
        "business-process": .businessProcess, "bedrijfsproces": .businessProcess, "bp": .businessProcess,
        "hoofdproces": .businessProcess, "business process": .businessProcess,
        "work-process": .workProcess, "werkproces": .workProcess, "wp": .workProcess, "deelproces": .workProcess,
        "subproces": .workProcess, "work process": .workProcess,
        "process-step": .processStep, "processtap": .processStep, "stap": .processStep, "activiteit": .processStep,
        "process step": .processStep, "step": .processStep,
    ])
}

extension Vocabulary where Value == ProcessCategory {
    /// The built-in category words (CORA.md §3). A bare `S` or `M` is ambiguous.
    public static let categories = Vocabulary(words: [
        "steering": .steering, "sturend": .steering, "sturende processen": .steering, "besturend": .steering,
        "besturing": .steering, "stuurproces": .steering, "managementproces": .steering, "strategisch": .steering,
        "management": .steering, "governance": .steering, "strategic": .steering, "st": .steering, "stu": .steering,
        "primary": .primary, "primair": .primary, "primaire processen": .primary, "kernproces": .primary, "kern": .primary,
        "uitvoerend": .primary, "uitvoerende (primaire) processen": .primary, "operationeel": .primary,
        "klantproces": .primary, "core": .primary, "operational": .primary, "p": .primary, "pr": .primary, "k": .primary,
        "supporting": .supporting, "ondersteunend": .supporting, "ondersteunende processen": .supporting,
        "secundair": .supporting, "faciliterend": .supporting, "facilitair": .supporting, "support": .supporting,
        "secondary": .supporting, "enabling": .supporting, "o": .supporting, "ond": .supporting, "sec": .supporting,
    ], ambiguous: ["s", "m"])
}
