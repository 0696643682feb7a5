extension ArchiImport {
    /// The error for a set whose elements hold no `BusinessProcess` or `BusinessInteraction`, so
    /// that nothing of it becomes a process: it names the element types the set does hold, most
    /// frequent first (`the Archi set holds 191 elements (ApplicationComponent 80, DataObject 50,
    /// …), none a BusinessProcess or BusinessInteraction`). `nil` when the set holds a process.
    /// The finding is on the header of `elementsFile` (line 1) when that file was read.
    public static func noProcessesFinding(_ archi: ArchiModel, elementsFile: String, elementsRead: Bool) -> Diagnostic? {
        let concepts = archi.concepts
        guard !concepts.contains(where: { ArchiConceptType.processTypes.contains($0.type) }) else { return nil }
        let processTypes = "a \(ArchiConceptType.businessProcess) or \(ArchiConceptType.businessInteraction)"
        let message: String
        if concepts.isEmpty {
            message = "the Archi set holds no elements, so no \(ArchiConceptType.businessProcess) or \(ArchiConceptType.businessInteraction); nothing to convert"
        } else {
            var counts: [String: Int] = [:]
            for element in concepts { counts[element.type, default: 0] += 1 }
            let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var types = ranked.prefix(typesShown).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            if ranked.count > typesShown { types += ", and \(ranked.count - typesShown) more types" }
            let elements = concepts.count == 1 ? "1 element" : "\(concepts.count) elements"
            message = "the Archi set holds \(elements) (\(types)), none \(processTypes); nothing to convert"
        }
        return Diagnostic(.noProcesses, message, file: elementsFile, line: elementsRead ? 1 : nil,
                          hint: "cora reads the processes of an Archi model: its \(ArchiConceptType.businessProcess) and "
                              + "\(ArchiConceptType.businessInteraction) elements, with the relations between them")
    }

    /// How many element types the finding names.
    static let typesShown = 6
}
