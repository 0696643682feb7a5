import CoraCSV

/// The reference models shipped inside `cora` (`References/*.csv`, compiled in as
/// ``BuiltinReferences``), which `cora coverage INVENTORY --reference NAME` compares an inventory
/// with by name.
///
/// Each is cora's canonical CSV, read through the normal pipeline with the `canonical` mapping,
/// once, on first use.
///
/// ```swift
/// let vera = ReferenceLibrary.model(named: "vera")   // VERA 4.3.1's chains, business and work processes
/// ```
public enum ReferenceLibrary {
    /// What a shipped reference is, and where it comes from: one line each.
    public struct Note: Sendable, Equatable {
        /// What the reference is: "VERA 4.3.1 process model (Aedes, MIT license)".
        public var description: String
        /// Where it comes from and what cora changed, for a notice in outputs.
        public var source: String
    }

    /// The names of the shipped references, in the order of ``BuiltinReferences/sources``.
    public static var names: [String] { BuiltinReferences.sources.map(\.name) }

    /// What the reference `name` is and where it comes from, or nil when none has that name.
    public static func note(named name: String) -> Note? {
        notes[name]
    }

    /// The canonical CSV text of the reference `name` as shipped, or nil when none has that name.
    public static func csv(named name: String) -> String? {
        BuiltinReferences.sources.first { $0.name == name }?.csv
    }

    /// The reference `name` as a model, or nil when none has that name.
    public static func model(named name: String) -> ProcessModel? {
        conversions[name]?.model
    }

    /// One line each per reference; a test checks that every shipped reference has one.
    static let notes: [String: Note] = [
        "vera": Note(
            description: "VERA 4.3.1 process model (Aedes, MIT license)",
            source: "Aedes-datastandaarden/VERA-Domeinmodellen, commit 0318fe7e, \"VERA 4.3.1.xml\"; categories are cora's reading, not VERA's"),
    ]

    /// Every reference read, with its findings: on first use, all at once (a few hundred rows).
    static let conversions: [String: ConversionResult] = {
        var results: [String: ConversionResult] = [:]
        for (name, csv) in BuiltinReferences.sources {
            if let result = read(csv, name: name) { results[name] = result }
        }
        return results
    }()

    /// `csv` read as `References/<name>.csv` with the canonical mapping. Nil only if the shipped
    /// canonical mapping did not parse or the bytes could not be read, which tests rule out.
    static func read(_ csv: String, name: String) -> ConversionResult? {
        guard let mapping = try? MappingCatalog.builtin.mapping(named: "canonical") else { return nil }
        var settings = ConversionSettings()
        settings.readsAhead = false
        return try? Pipeline.convert(MemoryByteSource(text: csv), file: "References/\(name).csv", mapping: mapping, settings: settings)
    }
}
