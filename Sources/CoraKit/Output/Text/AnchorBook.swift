/// Hands out unique anchors the way GitHub does: a repeated slug gets `-1`, `-2`, …
struct AnchorBook {
    private var used: [String: Int] = [:]

    /// The anchor for a heading with the text `text`.
    mutating func anchor(for text: String) -> String {
        let slug = MarkdownText.githubSlug(text)
        if let count = used[slug] {
            used[slug] = count + 1
            let candidate = "\(slug)-\(count + 1)"
            used[candidate] = 0
            return candidate
        }
        used[slug] = 0
        return slug
    }
}
