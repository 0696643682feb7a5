import Foundation
import Testing

@testable import CoraXLSX

/// What the writer's tests share: the parts of a workbook as text, a scratch folder, and running
/// the real programs that read a workbook back (LibreOffice, openpyxl, xmllint, unzip).
enum WorkbookWriterTestSupport {
    /// The folder of the package (for `scripts/`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The parts the writer zips, by path, as text.
    static func parts(_ sheets: [WorksheetContent], properties: WorkbookProperties = WorkbookProperties()) throws -> [String: String] {
        var result: [String: String] = [:]
        for part in try WorkbookWriter.parts(sheets, properties: properties) {
            result[part.path] = String(decoding: part.bytes, as: UTF8.self)
        }
        return result
    }

    /// The error `write` throws for `sheets`, or `nil`.
    static func error(_ sheets: [WorksheetContent]) -> WorkbookError? {
        do {
            _ = try WorkbookWriter.write(sheets)
            return nil
        } catch {
            return error
        }
    }

    /// A new, empty folder that is removed when `body` returns.
    static func withScratch<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cora-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `program` (a path, or a name looked up on `PATH`) with `arguments`; stdout and stderr
    /// go to files, so a large output cannot fill a pipe.
    static func run(_ program: String, _ arguments: [String]) throws -> Run {
        let path: String
        if program.contains("/") {
            path = program
        } else {
            guard let found = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
                .map({ "\($0)/\(program)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
                throw Missing(description: "\(program) is not installed; `make test` installs it (scripts/setup.sh --test)")
            }
            path = found
        }
        return try withScratch { folder in
            let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
            defer { try? outHandle.close(); try? errHandle.close() }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = outHandle
            process.standardError = errHandle
            try process.run()
            process.waitUntilExit()
            return Run(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
        }
    }

    /// The python of `.build/venv` with openpyxl, made once by `scripts/python-venv.sh`.
    static func python() throws -> String {
        let run = try run(packageRoot.appendingPathComponent("scripts/python-venv.sh").path, [])
        guard run.status == 0, let line = run.stdout.split(separator: "\n").last else {
            throw Missing(description: "scripts/python-venv.sh failed (exit \(run.status)): \(run.stderr)")
        }
        return String(line)
    }
}
