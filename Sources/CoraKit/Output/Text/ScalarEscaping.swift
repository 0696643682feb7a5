/// The loop the markup escapes share (``XMLText``, ``HTMLText``): every scalar of a text as it is,
/// or the text `replacement` gives for it.
enum ScalarEscaping {
    /// `text` with each scalar for which `replacement` gives a text replaced by it.
    @inline(__always)
    static func escape(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                out += replaced
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
