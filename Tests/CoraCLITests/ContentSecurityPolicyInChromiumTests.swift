import CoraKit
import Foundation
import Testing

/// ``ContentSecurityPolicy`` in a real browser (the policy's hash sources are tested in CoraKitTests;
/// the browser lives here beside the handbook's browser tests, with ``HeadlessChromium``).
@Suite("Content Security Policy in Chromium")
struct ContentSecurityPolicyInChromiumTests {
    @Test("in Chromium (headless, offline) the policy runs the page's own script and refuses one added to it, saying so on the console")
    func inChromium() throws {
        let own = "document.getElementById('x').textContent = 'eigen script';"
        let injected = "document.getElementById('y').textContent = 'ingevoegd';"
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(ContentSecurityPolicy.policy(styles: [], scripts: [own]))">
            <title>t</title></head><body><p id="x">-</p><p id="y">-</p>
            <script>\(own)</script><script>\(injected)</script><img src="https://example.invalid/x.png" alt=""></body></html>
            """
        let page = try HeadlessChromium.open(html)
        #expect(page.dom.contains("<p id=\"x\">eigen script</p>"), "\(page.dom)")
        #expect(page.dom.contains("<p id=\"y\">-</p>"), "\(page.dom)")
        #expect(page.console.count == 2, "\(page.console)")
        #expect(page.console.first?.contains("Executing inline script violates the following Content Security Policy directive") == true, "\(page.console)")
        #expect(page.console.first?.contains(ContentSecurityPolicy.hashSource(of: injected).dropFirst().dropLast()) == true, "\(page.console)")
        #expect(page.console.last?.contains("Loading the image 'https://example.invalid/x.png' violates the following Content Security Policy directive") == true,
                "\(page.console)")
    }
}
