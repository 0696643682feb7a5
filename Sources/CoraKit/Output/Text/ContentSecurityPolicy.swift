/// The Content Security Policy of a self-contained HTML document: nothing may be loaded, and only
/// the document's own inline style and script may apply or run, named by their SHA-256 hashes, so
/// that no markup from the data could add one that the browser would run.
public enum ContentSecurityPolicy {
    /// The source that allows exactly the inline `<style>` or `<script>` whose content is `text`
    /// (byte for byte, as written between the tags): `'sha256-<base64 of its SHA-256>'`.
    public static func hashSource(of text: String) -> String {
        var hash = SHA256()
        hash.update(Array(text.utf8))
        return "'sha256-" + Base64.encode(hash.digest()) + "'"
    }

    /// The policy for a document with the inline `styles` and `scripts`: nothing loaded from
    /// anywhere (`default-src 'none'`), images only from `data:` URLs, no form, no base URL.
    /// (`frame-ancestors` is left out: a policy in a `<meta>` element cannot set it, and Chromium
    /// says so on its console.)
    public static func policy(styles: [String], scripts: [String]) -> String {
        var directives = ["default-src 'none'", "img-src data:", "base-uri 'none'", "form-action 'none'"]
        if !styles.isEmpty { directives.append("style-src " + styles.map(hashSource(of:)).joined(separator: " ")) }
        if !scripts.isEmpty { directives.append("script-src " + scripts.map(hashSource(of:)).joined(separator: " ")) }
        return directives.joined(separator: "; ")
    }
}
