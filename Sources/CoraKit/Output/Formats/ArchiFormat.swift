/// `archi`: the CSV set that Archi's "Import CSV Data Into Model" reads, by ``ArchiExportRenderer``:
/// `elements.csv`, `relations.csv` and `properties.csv` in a folder.
public struct ArchiFormat: OutputFormat {
    public let name = "archi"
    public let aliases = ["archi-csv"]
    public let summary = "an Archi CSV set for Archi's \"Import CSV Data Into Model\": elements.csv, relations.csv and properties.csv in a folder, every field quoted, CRLF, UTF-8; --prefix puts a name before each file, --archi-delimiter chooses , ; or tab"
    public let fileSuffix = ".archi"

    public init() {}

    public func folderFiles(prefix: String) -> [String]? {
        ArchiTable.allCases.map { prefix + $0.fileName }
    }

    public func write(_ model: ProcessModel, diagnostics: [Diagnostic], options: OutputOptions, to target: inout some OutputTarget) throws {
        let export = ArchiExportRenderer(delimiter: options.archiDelimiter, title: options.title).render(model)
        for table in ArchiTable.allCases {
            try target.write(options.archiPrefix + table.fileName, bytes: export.bytes(of: table))
        }
    }
}
