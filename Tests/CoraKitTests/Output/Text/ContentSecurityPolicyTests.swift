import CoraKit
import Foundation
import Testing

/// ``ContentSecurityPolicy`` and ``Base64``: the hash sources a browser computes itself.
@Suite("Content Security Policy: hash sources")
struct ContentSecurityPolicyTests {
    @Test("base64: the RFC 4648 test vectors")
    func base64() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (text, encoded) in vectors { #expect(Base64.encode(Array(text.utf8)) == encoded, "\(text)") }
        #expect(Base64.encode([0xFB, 0xFF, 0xBF]) == "+/+/")
    }

    @Test("the hash sources Chromium asks for inline scripts it refused (printed by Chromium 156 headless)")
    func chromiumHashes() {
        #expect(ContentSecurityPolicy.hashSource(of: "document.getElementById('x').textContent='b'; console.error('boom');")
                == "'sha256-uAA5P9nFweKl0RS7Ua23GvnC26c5RHjLvjsmLTr4/O4='")
        #expect(ContentSecurityPolicy.hashSource(of: "location.hash && (document.body.dataset.q = location.hash.slice(1));")
                == "'sha256-3szO6DkBH70vK7kucJzDyJx6wEPA1WAtbZ/P2awv3sw='")
    }

    @Test("the policy: nothing loaded, only data: images, only the given style and script")
    func policy() {
        #expect(ContentSecurityPolicy.policy(styles: ["p{}"], scripts: [])
                == "default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; style-src "
                + ContentSecurityPolicy.hashSource(of: "p{}"))
    }
}
