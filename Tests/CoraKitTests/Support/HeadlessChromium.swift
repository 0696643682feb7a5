import Foundation
import Testing

/// Debian's `chromium`, headless (installed by `make test`, scripts/setup.sh --test): what a real
/// browser makes of an HTML page, offline.
enum HeadlessChromium {
    /// What the browser made of a page: the DOM after its scripts ran, and its console messages
    /// (Content Security Policy violations among them), each as Chromium prints it.
    struct Page {
        var dom: String
        var console: [String]
    }

    /// Opens `html` from a file (with `fragment` after `#`) with no network, and returns the DOM
    /// after the scripts ran and the console.
    static func open(_ html: String, fragment: String? = nil) throws -> Page {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cora-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: page)
        let url = page.absoluteString + (fragment.map { "#" + $0 } ?? "")
        let result = try ExternalTool.run("timeout", [
            "120", "chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-proxy-server",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + directory.appendingPathComponent("profile").path,
            "--enable-logging=stderr", "--v=0", "--dump-dom", url,
        ], input: [])
        #expect(result.status == 0, "chromium failed: \(result.stderr)")
        let console = result.stderr.split(separator: "\n").map(String.init).filter { $0.contains(":INFO:CONSOLE") || $0.contains(":ERROR:CONSOLE") }
            .map { line in line.split(separator: "]", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? line }
        return Page(dom: result.stdoutText, console: console)
    }
}
