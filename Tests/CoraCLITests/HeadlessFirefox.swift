import CoraKit
import Foundation
import Testing

/// Debian's `firefox-esr`, headless (installed by `make test`, scripts/setup.sh --test): the other
/// engine a handbook is opened in. Firefox prints the page's `console` calls on standard output
/// (`devtools.console.stdout.content`) but neither script errors nor Content Security Policy
/// violations; so a page is opened as a copy with a probe in front of its own script, allowed by its
/// hash in the copy's policy, that logs both, and "loaded" at the load event.
enum HeadlessFirefox {
    /// The probe: every script error and every policy violation, then the load, on the console.
    static let probe = "window.addEventListener('error', function (e) { console.log('cora-probe error: ' + e.message); });"
        + " document.addEventListener('securitypolicyviolation', function (e) { console.log('cora-probe csp: ' + e.violatedDirective + ' ' + e.blockedURI); });"
        + " window.addEventListener('load', function () { console.log('cora-probe loaded'); });"

    /// The console of a page that loaded with neither an error nor a violation.
    static let quiet = ["console.log: \"cora-probe loaded\""]

    /// `html` with the probe as the first script of its head (before its `<title>`), allowed in its
    /// policy (when it has one).
    static func probed(_ html: String) -> String {
        var copy = html
        if let policy = copy.range(of: "script-src ") {
            copy.replaceSubrange(policy, with: "script-src \(ContentSecurityPolicy.hashSource(of: probe)) ")
        }
        if let title = copy.range(of: "<title>") { copy.replaceSubrange(title, with: "<script>\(probe)</script><title>") }
        return copy
    }

    /// Opens `html` (probed) from a file with a fresh profile whose proxy goes nowhere, renders it into
    /// the PNG `screenshot`, `width` by `height` pixels, and returns the console lines it printed.
    static func render(_ html: String, to screenshot: URL, width: Int = 1400, height: Int = 1000) throws -> [String] {
        let installed = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/firefox-esr") }
        try #require(installed, "firefox-esr is not installed; `make test` installs it (scripts/setup.sh --test)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cora-firefox-\(UUID().uuidString)")
        let profile = directory.appendingPathComponent("profile")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let preferences = [
            "devtools.console.stdout.content": "true", "browser.shell.checkDefaultBrowser": "false", "app.update.enabled": "false",
            "datareporting.policy.dataSubmissionEnabled": "false", "toolkit.telemetry.enabled": "false",
            "network.proxy.type": "1", "network.proxy.http": "\"127.0.0.1\"", "network.proxy.http_port": "9",
            "network.proxy.ssl": "\"127.0.0.1\"", "network.proxy.ssl_port": "9", "network.proxy.socks_remote_dns": "true",
        ]
        try Data(preferences.sorted { $0.key < $1.key }.map { "user_pref(\"\($0.key)\", \($0.value));\n" }.joined().utf8)
            .write(to: profile.appendingPathComponent("user.js"))
        let page = directory.appendingPathComponent("page.html")
        try Data(probed(html).utf8).write(to: page)
        let result = try Tool.run("env", [
            "HOME=" + directory.path, "timeout", "120", "firefox-esr", "--headless", "--no-remote", "--profile", profile.path,
            "--screenshot", screenshot.path, "--window-size=\(width),\(height)", page.absoluteString,
        ], input: [])
        #expect(result.status == 0, "firefox-esr failed: \(result.stderr)")
        return result.stdoutText.split(separator: "\n").map(String.init).filter { $0.hasPrefix("console.") }
    }
}
