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
    /// The built-in level words (CORA.md §3): the Dutch, the English and the neutral ones.
    public static let levels = Vocabulary(words: dutchLevelWords.merging(englishLevelWords) { first, _ in first }
        .merging(neutralLevelWords) { first, _ in first })

    /// Level words in Dutch ("werkproces", "deelproces").
    static let dutchLevelWords: [String: ProcessLevel] = [
        "stuurscenario": .steeringScenario, "procesketen": .processChain, "ketenproces": .processChain, "keten": .processChain,
        "bedrijfsproces": .businessProcess, "hoofdproces": .businessProcess,
        "werkproces": .workProcess, "deelproces": .workProcess, "subproces": .workProcess,
        "processtap": .processStep, "stap": .processStep, "activiteit": .processStep,
    ]

    /// Level words in English ("Work process", "Sub-process").
    static let englishLevelWords: [String: ProcessLevel] = [
        "steering scenario": .steeringScenario, "process chain": .processChain, "chain": .processChain,
        "value chain": .processChain, "business process": .businessProcess, "main process": .businessProcess,
        "work process": .workProcess, "sub-process": .workProcess, "subprocess": .workProcess,
        "process step": .processStep, "step": .processStep, "activity": .processStep,
    ]

    /// Level words of either language: the canonical values and the abbreviations.
    static let neutralLevelWords: [String: ProcessLevel] = [
        "steering-scenario": .steeringScenario, "process-chain": .processChain, "business-process": .businessProcess,
        "bp": .businessProcess, "work-process": .workProcess, "wp": .workProcess, "process-step": .processStep,
    ]
}

extension Vocabulary where Value == ProcessCategory {
    /// The built-in category words (CORA.md §3): the Dutch, the English and the neutral ones. A bare
    /// `S` or `M` is ambiguous.
    public static let categories = Vocabulary(words: dutchCategoryWords.merging(englishCategoryWords) { first, _ in first }
        .merging(neutralCategoryWords) { first, _ in first }, ambiguous: ["s", "m"])

    /// Category words in Dutch ("Sturend", "Kernproces").
    static let dutchCategoryWords: [String: ProcessCategory] = [
        "sturend": .steering, "sturende processen": .steering, "besturend": .steering, "besturing": .steering,
        "stuurproces": .steering, "managementproces": .steering, "strategisch": .steering,
        "primair": .primary, "primaire processen": .primary, "kernproces": .primary, "kern": .primary, "uitvoerend": .primary,
        "uitvoerende (primaire) processen": .primary, "operationeel": .primary, "klantproces": .primary,
        "ondersteunend": .supporting, "ondersteunende processen": .supporting, "secundair": .supporting,
        "faciliterend": .supporting, "facilitair": .supporting,
    ]

    /// Category words in English ("Core process", "Support").
    static let englishCategoryWords: [String: ProcessCategory] = [
        "governance": .steering, "strategic": .steering, "steering process": .steering, "steering processes": .steering,
        "management process": .steering, "management processes": .steering,
        "core": .primary, "operational": .primary, "core process": .primary, "core processes": .primary,
        "primary process": .primary, "primary processes": .primary,
        "support": .supporting, "secondary": .supporting, "enabling": .supporting, "support process": .supporting,
        "support processes": .supporting, "supporting process": .supporting, "supporting processes": .supporting,
    ]

    /// Category words of either language: the canonical values and the abbreviations.
    static let neutralCategoryWords: [String: ProcessCategory] = [
        "steering": .steering, "management": .steering, "st": .steering, "stu": .steering,
        "primary": .primary, "p": .primary, "pr": .primary, "k": .primary,
        "supporting": .supporting, "o": .supporting, "ond": .supporting, "sec": .supporting,
    ]
}
