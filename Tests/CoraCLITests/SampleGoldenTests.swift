import Foundation
import Testing

/// Each shipped sample converted with its mapping, compared byte for byte with the expected output
/// in `Golden/`.
///
/// The binary runs in the package root with the sample's relative path, so the file names in the
/// JSON diagnostics are stable. To update the golden files after an intended change, run
///
///     CORA_RECORD_GOLDEN=1 swift test --filter SampleGoldenTests
///
/// then review `git diff Tests/CoraCLITests/Golden` and run the tests again without the variable:
/// a recording run always fails, so it can never pass by accident.
@Suite("Samples against golden output")
struct SampleGoldenTests {
    /// One sample and the mapping it is made for.
    struct Sample: CustomTestStringConvertible, Sendable {
        /// The golden files are `Golden/<golden>.csv` and `Golden/<golden>.json`.
        var golden: String
        /// The sample, relative to the package root.
        var path: String
        /// The shipped mapping.
        var mapping: String

        var testDescription: String { "\(mapping): \(path)" }
    }

    static let samples = [
        Sample(golden: "canonical-woonstad-waterland", path: "Samples/woonstad-waterland.csv", mapping: "canonical"),
        Sample(golden: "excel-nl-woningstichting-de-polder", path: "Samples/excel-nl/woningstichting-de-polder.csv", mapping: "excel-nl"),
        Sample(golden: "niveaus-woonbron-noord", path: "Samples/niveaus/woonbron-noord.csv", mapping: "niveaus"),
        Sample(golden: "cora-wiki-werkprocessen", path: "Samples/cora-wiki/werkprocessen.csv", mapping: "cora-wiki"),
    ]

    static let goldenDirectory = CoraCLI.packageRoot.appendingPathComponent("Tests/CoraCLITests/Golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["CORA_RECORD_GOLDEN"] == "1" }

    @Test("the sample converts with its mapping, without errors, to the golden output", arguments: samples, ["csv", "json"])
    func golden(_ sample: Sample, format: String) throws {
        let run = try CoraCLI.run(["convert", sample.path, "--mapping", sample.mapping, "--to", format], in: CoraCLI.packageRoot)
        #expect(!run.crashed, "\(run)")
        #expect(run.status == 0, "\(run)")
        #expect(run.errorLines.isEmpty, "errors on stderr:\n\(run.stderrText)")

        let golden = Self.goldenDirectory.appendingPathComponent("\(sample.golden).\(format)")
        if Self.recording {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(run.stdout).write(to: golden)
            Issue.record("recorded \(golden.lastPathComponent); rerun without CORA_RECORD_GOLDEN")
            return
        }
        guard FileManager.default.fileExists(atPath: golden.path) else {
            Issue.record("no golden file \(golden.path); record it with CORA_RECORD_GOLDEN=1")
            return
        }
        let expected = try bytes(of: golden)
        if run.stdout != expected {
            Issue.record("""
                \(sample.path) --mapping \(sample.mapping) --to \(format) differs from \(golden.lastPathComponent) \
                (update with CORA_RECORD_GOLDEN=1 if the change is intended):
                \(try Self.unifiedDiff(expected: expected, actual: run.stdout, name: golden.lastPathComponent))
                """)
        }
    }

    /// `diff -u` of the two outputs, written to temporary files.
    static func unifiedDiff(expected: [UInt8], actual: [UInt8], name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cora-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let expectedURL = directory.appendingPathComponent("expected-\(name)")
        let actualURL = directory.appendingPathComponent("actual-\(name)")
        try Data(expected).write(to: expectedURL)
        try Data(actual).write(to: actualURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["diff", "-u", expectedURL.path, actualURL.path]
        let output = directory.appendingPathComponent("diff")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        return text.isEmpty ? "(diff printed nothing; the outputs differ in \(expected.count) vs \(actual.count) bytes)" : text
    }
}
