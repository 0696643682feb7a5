/// The characters a name made from the data may keep in a file name, an SVG id or an XML id:
/// ASCII letters and digits, `.`, `_` and `-`; every other character is left out or replaced.
enum SafeName {
    /// Whether `scalar` may stay.
    static func isCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
    }
}
