/// The three files of an Archi CSV set and their headers.
public enum ArchiTable: String, Sendable, CaseIterable, CustomStringConvertible {
    /// `elements.csv`: the model row and the elements.
    case elements
    /// `relations.csv`: the relationships.
    case relations
    /// `properties.csv`: keys and values on elements, relations and the model.
    case properties

    /// The file name without a prefix: `elements.csv`.
    public var fileName: String { rawValue + ".csv" }

    public var description: String { fileName }

    /// The header Archi writes (and its importer expects) since Archi 4.9, with Specialization.
    public var header: [String] {
        switch self {
        case .elements: return ["ID", "Type", "Name", "Documentation", "Specialization"]
        case .relations: return ["ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization"]
        case .properties: return ["ID", "Key", "Value"]
        }
    }

    /// The headers the importer accepts: the current one and the older one without Specialization.
    public var acceptedHeaders: [[String]] {
        switch self {
        case .elements, .relations: return [header, Array(header.dropLast())]
        case .properties: return [header]
        }
    }

    /// Whether `fields` is one of the ``acceptedHeaders``, compared as Archi does: each cell equal
    /// ignoring case, nothing trimmed.
    public func isHeader(_ fields: [String]) -> Bool {
        acceptedHeaders.contains { header in
            header.count == fields.count && zip(header, fields).allSatisfy { $0.lowercased() == $1.lowercased() }
        }
    }

    /// The table whose header `fields` is, if any.
    public static func table(withHeader fields: [String]) -> ArchiTable? {
        allCases.first { $0.isHeader(fields) }
    }
}
