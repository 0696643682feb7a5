import Foundation
import FoundationXML
import Testing

/// Debian's `chromium`, headless (installed by `make test`, scripts/setup.sh --test): what a real
/// browser makes of an HTML page, offline.
enum HeadlessChromium {
    /// What the browser made of a page: the DOM after its scripts ran, its console messages (Content
    /// Security Policy violations among them, each as Chromium prints it) and, when asked for, what its
    /// network stack was asked to fetch.
    struct Page {
        var dom: String
        var console: [String]
        var network: NetLog?

        /// The live DOM as an XML document for XPath (xmllint's HTML parser reads Chromium's
        /// serialisation; SVG elements keep their names without a namespace, so `//a` finds both).
        func document() throws -> XMLDocument {
            let xml = try Tool.run("xmllint", ["--html", "--xmlout", "--nonet", "-"], input: Array(dom.utf8))
            #expect(xml.status == 0, "xmllint failed: \(xml.stderr.prefix(2_000))")
            return try XMLDocument(data: Data(xml.stdout), options: [])
        }
    }

    /// What Chromium's network stack did while the page was open (`--log-net-log`), split between the
    /// page and the browser itself. Chromium asks Google for updates, the time and accounts on its own
    /// (the host resolver rules make those fail); those requests have no initiating origin and a
    /// network isolation key of their own. A request the page makes, for a resource or by navigating,
    /// has the page's (opaque, file) origin as initiator and `file://` in its isolation key.
    struct NetLog {
        /// The URLs the network stack was asked for on the page's behalf.
        var pageRequests: [String]
        /// The host names resolved for the page.
        var pageLookups: [String]
        /// The URLs the browser asked for on its own behalf.
        var browserRequests: [String]

        init(json: Data) throws {
            let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let constants = try #require(root["constants"] as? [String: Any])
            let types = try #require(constants["logEventTypes"] as? [String: Int])
            let events = try #require(root["events"] as? [[String: Any]])
            let urlRequest = try #require(types["URL_REQUEST_START_JOB"]), lookup = try #require(types["HOST_RESOLVER_MANAGER_REQUEST"])
            var pageRequests: [String] = [], pageLookups: [String] = [], browserRequests: [String] = []
            for event in events {
                guard let type = event["type"] as? Int, let parameters = event["params"] as? [String: Any] else { continue }
                if type == urlRequest, let url = parameters["url"] as? String {
                    let initiator = parameters["initiator"] as? String ?? ""
                    let key = parameters["network_isolation_key"] as? String ?? ""
                    if initiator != "not an origin" || key.contains("file://") {
                        pageRequests.append(url)
                    } else {
                        browserRequests.append(url)
                    }
                } else if type == lookup, let host = parameters["host"] as? String,
                          (parameters["network_anonymization_key"] as? String ?? "").contains("file://") {
                    pageLookups.append(host)
                }
            }
            self.pageRequests = pageRequests
            self.pageLookups = pageLookups
            self.browserRequests = browserRequests
        }
    }

    /// The switches of every run: headless, no network (every host name resolves to nothing, no
    /// proxy), a fresh profile, console messages on standard error.
    static func switches(profile: URL) -> [String] {
        ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-proxy-server",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile.path, "--enable-logging=stderr", "--v=0"]
    }

    /// Opens `html` from a file (with `fragment` after `#`) with no network, and returns the DOM
    /// after the scripts ran and the console.
    static func open(_ html: String, fragment: String? = nil, netLog: Bool = false) throws -> Page {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page.html")
        try Data(html.utf8).write(to: page)
        return try open(page, fragment: fragment, netLog: netLog)
    }

    /// Opens the page in `file` (with `fragment` after `#`) with no network, and returns the DOM after
    /// the scripts ran, the console and, with `netLog`, what was asked of the network.
    static func open(_ file: URL, fragment: String? = nil, netLog: Bool = false) throws -> Page {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("net-log.json")
        let url = file.absoluteString + (fragment.map { "#" + $0 } ?? "")
        let result = try Tool.run("timeout", ["120", "chromium"] + switches(profile: directory.appendingPathComponent("profile"))
                                  + (netLog ? ["--log-net-log=" + log.path] : []) + ["--dump-dom", url], input: [])
        #expect(result.status == 0, "chromium failed: \(result.stderr)")
        return Page(dom: result.stdoutText, console: console(in: result.stderr), network: netLog ? try NetLog(json: Data(contentsOf: log)) : nil)
    }

    /// Renders the page in `file` into the PNG `screenshot`, in a window `width` by `height` pixels
    /// without scroll bars, and returns the console.
    @discardableResult
    static func screenshot(of file: URL, to screenshot: URL, width: Int = 1400, height: Int = 1000) throws -> [String] {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Tool.run("timeout", ["120", "chromium"] + switches(profile: directory.appendingPathComponent("profile"))
                                  + ["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=" + screenshot.path, file.absoluteString],
                                  input: [])
        #expect(result.status == 0, "chromium failed: \(result.stderr)")
        return console(in: result.stderr)
    }

    /// The console messages among Chromium's log lines, without the log line's prefix.
    static func console(in log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(":INFO:CONSOLE") || $0.contains(":ERROR:CONSOLE") }
            .map { line in line.split(separator: "]", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? line }
    }

    private static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cora-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
