import Foundation
import Testing

/// The libFuzzer target (`Fuzz/FuzzTarget.swift`) is built only by `scripts/fuzz.sh`, outside
/// SwiftPM; a rename in the library left it broken, unseen until the next fuzz run. Here it is
/// type-checked against the modules of this build, in about a second.
@Suite("The fuzz target")
struct FuzzTargetTests {
    @Test("Fuzz/FuzzTarget.swift type-checks against the library as built")
    func typeChecks() throws {
        let build = CoraCLI.executable.resolvingSymlinksInPath().deletingLastPathComponent()
        let modules = build.appendingPathComponent("Modules")
        // The checkouts sit beside the configuration folder (`.build/checkouts`, `.build-asan/checkouts`).
        let roots = [build.deletingLastPathComponent(), build.deletingLastPathComponent().deletingLastPathComponent(),
                     CoraCLI.packageRoot.appendingPathComponent(".build")]
        let yaml = roots.map { $0.appendingPathComponent("checkouts/Yams/Sources/CYaml/include/module.modulemap") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
        #expect(yaml != nil, "the Yams checkout")
        #expect(FileManager.default.fileExists(atPath: modules.appendingPathComponent("CoraKit.swiftmodule").path), "\(modules.path)")
        guard let yaml else { return }
        let run = try Tool.run("swiftc", [
            "-typecheck", "-parse-as-library", CoraCLI.packageRoot.appendingPathComponent("Fuzz/FuzzTarget.swift").path,
            "-I", modules.path,
            "-Xcc", "-fmodule-map-file=" + CoraCLI.packageRoot.appendingPathComponent("Sources/CLibCSV/module.modulemap").path,
            "-Xcc", "-fmodule-map-file=" + yaml.path,
            "-Xcc", "-fmodule-map-file=" + CoraCLI.packageRoot.appendingPathComponent("Sources/CLibXML2/module.modulemap").path,
            "-Xcc", "-fmodule-map-file=" + yaml.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("ZIPFoundation/Sources/CZLib/module.modulemap").path,
            "-Xcc", "-I/usr/include/libxml2",
        ], input: [])
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
    }
}
