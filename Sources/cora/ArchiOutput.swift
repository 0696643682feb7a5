#if canImport(Glibc)
import Glibc
#endif
import CoraCSV
import CoraKit

/// Writing `--to archi`: the three files of an Archi CSV set into a folder.
enum ArchiOutput {
    /// The delimiters `--archi-delimiter` accepts.
    static let delimiterNames = "comma (,), semicolon (;) or tab"

    /// The delimiter byte for an `--archi-delimiter` value, when Archi reads it.
    static func delimiter(named name: String) -> UInt8? {
        guard let byte = CSVDialect.delimiter(named: name), [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].contains(byte) else { return nil }
        return byte
    }

    /// Writes `model` as `<folder>/<prefix>elements.csv`, `relations.csv` and `properties.csv`, each
    /// atomically; the folder is made when it does not exist.
    static func write(_ model: ProcessModel, to folder: String, prefix: String, delimiter: UInt8, title: String?) throws {
        var status = stat()
        if stat(folder, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                throw CLIFailure(message: "\(folder): error: --to archi writes three files into a folder, and this is a file")
            }
        } else if mkdir(folder, 0o755) != 0 {
            throw CLIFailure(message: "\(folder): error: cannot make the folder: \(String(cString: strerror(errno)))")
        }
        let export = ArchiExportRenderer(delimiter: delimiter, title: title).render(model)
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        for table in ArchiTable.allCases {
            try OutputFile.write(export.bytes(of: table), to: base + prefix + table.fileName)
        }
    }
}
