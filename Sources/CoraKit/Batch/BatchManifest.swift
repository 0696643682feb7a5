import Foundation

/// What the last `cora batch` into a folder did (`DIR/.cora-batch.json`), so that the next run can
/// skip the inputs whose content, mapping and options did not change.
///
/// Per input it keeps the SHA-256 of the content, a hash of the mapping's YAML, a hash of the
/// options, the outputs written (with their sizes, to notice one that was deleted or replaced) and
/// the input's line of the summary, which a skipped input keeps. With `--merge` the whole batch is
/// one record: it is skipped only when no input changed.
public struct BatchManifest: Sendable, Equatable, Codable {
    /// The format version; a manifest of another version is ignored (everything is redone).
    public static let currentVersion = 1

    /// The format version.
    public var version: Int
    /// Records of converted inputs, by relative path.
    public var files: [String: FileRecord]
    /// The record of the last `--merge` run.
    public var merged: MergedRecord?
    /// Every other file the runs into this folder wrote and that is still there (the outputs of an
    /// input whose record was not kept, such as the report of a file whose output could not be
    /// written), so that ``owns(_:)`` knows it; `nil` in manifests of earlier versions.
    public var written: [String]?

    /// An output file and its size.
    public struct OutputRecord: Sendable, Equatable, Codable {
        /// The path relative to the output folder.
        public var path: String
        /// Its size in bytes.
        public var size: Int

        /// Creates a record.
        public init(path: String, size: Int) {
            self.path = path
            self.size = size
        }
    }

    /// What one input gave, and from what.
    public struct FileRecord: Sendable, Equatable, Codable {
        /// The input as named (``BatchInput/path``): outputs name it, so a new name redoes it.
        public var input: String
        /// The SHA-256 of its bytes.
        public var contentHash: String
        /// The hash of the mapping used (or, when none fitted, of the candidates).
        public var mappingHash: String
        /// The hash of the options that shape the outputs.
        public var optionsHash: String
        /// The outputs written.
        public var outputs: [OutputRecord]
        /// Its line of the summary.
        public var summary: BatchFileSummary

        /// Creates a record.
        public init(input: String, contentHash: String, mappingHash: String, optionsHash: String,
                    outputs: [OutputRecord], summary: BatchFileSummary) {
            self.input = input
            self.contentHash = contentHash
            self.mappingHash = mappingHash
            self.optionsHash = optionsHash
            self.outputs = outputs
            self.summary = summary
        }
    }

    /// What a `--merge` run gave, and from what.
    public struct MergedRecord: Sendable, Equatable, Codable {
        /// ``BatchManifest/mergeKey(_:optionsHash:)`` of its inputs.
        public var key: String
        /// Every output written (merged and per file).
        public var outputs: [OutputRecord]
        /// The summary lines of its inputs.
        public var files: [BatchFileSummary]
        /// The merged model's summary.
        public var merged: BatchMergedSummary

        /// Creates a record.
        public init(key: String, outputs: [OutputRecord], files: [BatchFileSummary], merged: BatchMergedSummary) {
            self.key = key
            self.outputs = outputs
            self.files = files
            self.merged = merged
        }
    }

    /// An empty manifest.
    public init() {
        version = Self.currentVersion
        files = [:]
        merged = nil
    }

    /// The manifest as JSON, keys sorted, so that the same content gives the same bytes.
    public func render() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return [] }
        return Array(data) + [0x0A]
    }

    /// Whether `cora` wrote the file at `path` (relative to the output folder): an output of a
    /// record or of the merged record, or another file it wrote. A file it did not write is never
    /// overwritten without `--force`.
    public func owns(_ path: String) -> Bool {
        ownedPaths.contains(path)
    }

    /// Every path ``owns(_:)`` says yes to.
    public var ownedPaths: Set<String> {
        var paths = Set(written ?? [])
        for record in files.values { paths.formUnion(record.outputs.map(\.path)) }
        if let merged { paths.formUnion(merged.outputs.map(\.path)) }
        return paths
    }

    /// Reads a manifest; `nil` when the bytes are not one of this version.
    public static func parse(_ bytes: [UInt8]) -> BatchManifest? {
        guard let manifest = try? JSONDecoder().decode(BatchManifest.self, from: Data(bytes)),
              manifest.version == currentVersion else { return nil }
        return manifest
    }

    /// The record of `input` if it was made from the same content, mapping and options (the caller
    /// still checks that its outputs are there).
    public func unchangedRecord(for input: BatchInput, contentHash: String, mappingHash: String, optionsHash: String) -> FileRecord? {
        guard let record = files[input.relativePath], record.input == input.path, record.contentHash == contentHash,
              record.mappingHash == mappingHash, record.optionsHash == optionsHash else { return nil }
        return record
    }

    /// What a `--merge` run depends on: every input's name, content and mapping, and the options.
    public static func mergeKey(_ inputs: [(input: BatchInput, contentHash: String, mappingHash: String)], optionsHash: String) -> String {
        var hash = SHA256()
        hash.update(Array("options \(optionsHash)\n".utf8))
        for entry in inputs {
            hash.update(Array("\(entry.input.path)\u{0}\(entry.input.relativePath)\u{0}\(entry.contentHash)\u{0}\(entry.mappingHash)\n".utf8))
        }
        return hash.hexDigest()
    }
}
