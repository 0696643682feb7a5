import Foundation
import Testing

/// LibreOffice Calc, headless: what a spreadsheet makes of a CSV file.
enum LibreOfficeCalc {
    /// Opens `files` (in `scratch`) in one run of LibreOffice with the CSV import options
    /// `filter` (`--infilter=CSV:…`), in a profile of its own so that runs in parallel do not meet,
    /// and returns each file saved as a flat ODF spreadsheet (`.fods`) into `scratch/folder`.
    static func fods(_ files: [String], in scratch: Scratch, filter: String, folder: String) throws -> [String: Data] {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cora-soffice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let out = scratch.url.appendingPathComponent(folder)
        let run = try Tool.run("soffice", [
            "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--infilter=CSV:\(filter)",
            "--convert-to", "fods", "--outdir", out.path,
        ] + files.map { scratch.url.appendingPathComponent($0).path }, input: [])
        var result: [String: Data] = [:]
        for file in files {
            let fods = out.appendingPathComponent(file.replacingOccurrences(of: ".csv", with: ".fods"))
            guard let data = FileManager.default.contents(atPath: fods.path) else {
                Issue.record("LibreOffice wrote no \(fods.lastPathComponent) (exit \(run.status)): \(run.stderr)")
                continue
            }
            result[file] = data
        }
        return result
    }
}
