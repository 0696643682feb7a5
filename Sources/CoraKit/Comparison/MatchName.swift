/// The form in which two models' process names are compared (`cora diff`, `cora coverage`): what
/// differs between two spellings of one process in practice is left out.
///
/// - Case, accents, punctuation and runs of white space (`Verhuren  Eenheden` = `verhuren eenheden`).
/// - A leading `BP `, `WP `, `PS ` (VERA's level prefixes) and a leading code (`P03 `, `4.1.2 `).
/// - Dutch word forms, by a small stemmer written for process names: plurals (`eenheden` →
///   `eenheid`, `woningen` → `woning`, `huurders` → `huurder`, `scenario's` → `scenario`), the infinitive and the noun of one verb
///   (`verhuren` / `verhuur`, `incasseren` / `incasso`, `controleren` / `controle`, `meten` /
///   `meting`), and a vowel
///   written double in a closed syllable (`beheer` / `beheren`).
///
/// It is a key for equality, not a spelling: two names with one key are taken for the same name.
public enum MatchName {
    /// The key of `name`: its words, each reduced to its stem, separated by one space.
    public static func key(_ name: String) -> String {
        words(name).map(stem).joined(separator: " ")
    }

    /// The words of `name` in lower case without accents, level prefix and leading code.
    public static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in TextNormalization.foldAccents(name).lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "." && !current.isEmpty && current.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        // The s of a plural written with an apostrophe (scenario's) is a word of its own here.
        words.removeAll { $0 == "s" }
        if words.count > 1, ["bp", "wp", "ps", "pk"].contains(words[0]) { words.removeFirst() }
        // A leading code: digits and dots (4.1.2), or a letter or two before digits (P03, BP12).
        if words.count > 1, isCode(words[0]) { words.removeFirst() }
        return words.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
    }

    private static func isCode(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        let letters = scalars.prefix { !("0"..."9").contains($0) && $0 != "." }
        let rest = scalars.dropFirst(letters.count)
        return letters.count <= 2 && !rest.isEmpty && rest.allSatisfy { ("0"..."9").contains($0) || $0 == "." }
            && rest.contains { ("0"..."9").contains($0) }
    }

    /// The stem of one word (lower case, without accents).
    public static func stem(_ word: String) -> String {
        var text = Array(word.unicodeScalars)
        guard text.count > 3, text.allSatisfy({ $0.properties.isAlphabetic }) else { return word }
        func ends(_ suffix: String) -> Bool {
            let tail = Array(suffix.unicodeScalars)
            return text.count > tail.count + 2 && text.suffix(tail.count).elementsEqual(tail)
        }
        func drop(_ count: Int) { text.removeLast(count) }
        if ends("heden") {
            drop(5)
            text += "heid".unicodeScalars
        } else if ends("eren"), text.count >= 9 {
            drop(4)                                   // incasseren, controleren, repareren (not beheren, leveren)
        } else if ends("en") {
            drop(2)                                   // verhuren, woningen, kosten
        } else if ends("s"), let before = text.dropLast().last, "rlaoy".unicodeScalars.contains(before) {
            drop(1)                                   // the plural -s: huurders, dossiers, portals
        }
        if ends("e") || ends("o") { drop(1) }         // controle, incasso
        if ends("ing") { drop(3) }                    // the noun of a verb: aanbesteding / aanbesteden, meting / meten
        // A vowel written double in a closed syllable and single in an open one (verhuur /
        // verhuren, beheer / beheren), and a consonant doubled before -en (plannen / plan).
        var result: [Unicode.Scalar] = []
        for scalar in text {
            if let last = result.last, last == scalar, "aeoulmnprstkdgfb".unicodeScalars.contains(scalar),
               !(scalar == "e" && result.count >= 2 && result[result.count - 2] == "i") {
                continue
            }
            result.append(scalar)
        }
        return String(String.UnicodeScalarView(result))
    }

    /// The letter triples of `key` with its spaces left out (`klant bediening` and `klantbediening`
    /// share all but the ones across the join).
    public static func trigrams(of key: String) -> Set<String> {
        let letters = Array(key.unicodeScalars.filter { $0 != " " })
        guard letters.count >= 3 else { return letters.isEmpty ? [] : [String(String.UnicodeScalarView(letters))] }
        var grams = Set<String>()
        for start in 0...(letters.count - 3) { grams.insert(String(String.UnicodeScalarView(letters[start..<start + 3]))) }
        return grams
    }
}
