#if canImport(Glibc)
import Glibc
#endif
import CoraCSV
import CoraKit

/// Reading Archi CSV sets for `--mapping archi` (and for `--mapping auto` when the input is one).
///
/// An input names one file of a set (`elements.csv`, `relations.csv` or `properties.csv`, with or
/// without a common prefix such as `test1-`) or the folder holding `elements.csv`; the other files
/// of the set are found beside it. relations.csv and properties.csv are optional.
enum ArchiInput {
    /// The name that chooses this reader.
    static let mappingName = "archi"

    /// Whether `mapping` chooses Archi for `inputs`: `archi`, or `auto` when the first input is the
    /// folder of a set, or a file whose header is one of Archi's (named like a file of a set or not);
    /// the choice is then noted on standard error.
    static func isChosen(mapping: String, inputs: [String]) -> Bool {
        if mapping == mappingName { return true }
        guard mapping == MappingResolver.auto, let first = inputs.first, first != "-" else { return false }
        if isDirectory(first) {
            guard isRegularFile(ArchiFileSet(folder: first).path(of: .elements)) else { return false }
            Terminal.writeStderr("\(first): note: mapping auto chose archi: the folder holds an Archi CSV set (elements.csv)\n")
            return true
        }
        // A name of an Archi set counts when the header agrees (a spreadsheet may be called properties.csv).
        let table = headerTable(of: first)
        if let set = ArchiFileSet(path: first), table != nil {
            Terminal.writeStderr("\(first): note: mapping auto chose archi: the file name ends in \(set.table.fileName) (an Archi CSV set)\n")
            return true
        }
        if let table {
            Terminal.writeStderr("\(first): note: mapping auto chose archi: the header is that of Archi's \(table.fileName)\n")
            return true
        }
        return false
    }

    /// Reads every input as an Archi set and converts them into one model.
    static func convert(_ inputs: [String], options: ConversionOptions, keepInvalid: Bool) throws -> ConversionResult {
        try convert(inputs, settings: options.settings(keepInvalid: keepInvalid))
    }

    /// Whether the batch input at `path` is the elements file of an Archi set (by its name and header).
    static func isSetInput(_ path: String) -> Bool {
        guard let set = ArchiFileSet(path: path), set.table == .elements else { return false }
        return headerTable(of: path) == .elements
    }

    /// The bytes of every file of the set that `path` names, for a content hash.
    static func contents(ofSetAt path: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for (_, file) in (try? files(of: path)) ?? [] {
            guard let file, let text = try? InputFile.readText(path: file, limit: 1 << 30) else { continue }
            bytes += Array(file.utf8) + [0] + Array(text.utf8) + [0]
        }
        return bytes
    }

    /// Reads every input as an Archi set and converts them into one model.
    static func convert(_ inputs: [String], settings: ConversionSettings) throws -> ConversionResult {
        var pipeline = Pipeline(.archiSet, settings: settings)
        for input in inputs {
            guard input != "-" else {
                throw CLIFailure(message: "-: error: --mapping archi reads files, not standard input: name a file of the set or its folder")
            }
            var opened: [InputFile] = []
            defer { for file in opened { file.close() } }
            var setFiles: [Pipeline.ArchiFile] = []
            for (table, path) in try files(of: input) {
                guard let path else {
                    setFiles.append(Pipeline.ArchiFile(table: table, file: ArchiFileSet(path: input)?.path(of: table) ?? input, source: nil))
                    continue
                }
                let file = try InputFile(path: path)
                opened.append(file)
                setFiles.append(Pipeline.ArchiFile(table: table, file: path, source: file.source))
            }
            do {
                try pipeline.read(archiSet: setFiles)
            } catch {
                throw CLIFailure(message: "\(input): error: cannot read: \(error) [unreadable-input]")
            }
        }
        return pipeline.finish()
    }

    /// The files of the set that `input` names, in the order elements, relations, properties; `nil`
    /// for a file of the set that is not there. The file named must exist.
    static func files(of input: String) throws -> [(ArchiTable, String?)] {
        if isDirectory(input) {
            let set = ArchiFileSet(folder: input)
            let found = ArchiTable.allCases.map { table in (table, isRegularFile(set.path(of: table)) ? set.path(of: table) : nil) }
            if found.allSatisfy({ $0.1 == nil }) {
                throw CLIFailure(message: "\(input): error: the folder holds no Archi CSV set (elements.csv, relations.csv, properties.csv) [unreadable-input]")
            }
            return found
        }
        guard isRegularFile(input) else {
            _ = try InputFile(path: input)  // says why it cannot be opened
            throw CLIFailure(message: "\(input): error: not a file [unreadable-input]")
        }
        guard let set = ArchiFileSet(path: input) else {
            // A file named otherwise: read alone, as the table its header shows (elements by default).
            return [(headerTable(of: input) ?? .elements, input)]
        }
        return ArchiTable.allCases.map { table in
            let path = set.path(of: table)
            return (table, table == set.table || isRegularFile(path) ? path : nil)
        }
    }

    /// The Archi table whose header the file at `path` starts with.
    private static func headerTable(of path: String) -> ArchiTable? {
        guard let input = try? InputFile(path: path) else { return nil }
        defer { input.close() }
        var source = input.source
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        guard let count = try? buffer.withUnsafeMutableBytes({ try source.read(into: $0) }), count > 0 else { return nil }
        return ArchiCSVReader.table(ofHeaderIn: Array(buffer[0..<count]))
    }

    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }
}
