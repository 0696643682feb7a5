import Testing
@testable import CoraKit

@Suite("Matching names: one key for two spellings of one process")
struct MatchNameTests {
    @Test("Dutch word forms of one word share a stem", arguments: [
        ("verhuur", "verhuren"), ("eenheid", "eenheden"), ("incasso", "incasseren"), ("controle", "controleren"),
        ("beheer", "beheren"), ("woning", "woningen"), ("kost", "kosten"), ("plan", "plannen"), ("proces", "processen"),
        ("huurder", "huurders"), ("dossier", "dossiers"), ("aanbesteding", "aanbesteden"), ("meting", "meten"),
    ])
    func wordForms(_ one: String, _ other: String) {
        #expect(MatchName.stem(one) == MatchName.stem(other), "\(one): \(MatchName.stem(one)), \(other): \(MatchName.stem(other))")
    }

    @Test("different words keep different stems", arguments: [
        ("verhuren", "verkopen"), ("huur", "huis"), ("status", "stat"), ("beheer", "beheerder"), ("onderhoud", "onderhouden eenheid"),
    ])
    func differentWords(_ one: String, _ other: String) {
        #expect(MatchName.key(one) != MatchName.key(other))
    }

    @Test("case, accents, punctuation, white space, a level prefix and a leading code do not count")
    func keys() {
        let same = ["Verhuren eenheden", "VERHUREN  EENHEDEN", "BP Verhuren Eenheden", "verhuur eenheid", "P03 Verhuren eenheden",
                    "4.1.2 Verhuren eenheden", "Verhuren: eenheden.", "BP12 Verhuren eenheden"]
        #expect(Set(same.map(MatchName.key)) == ["verhur enheid"], "\(same.map(MatchName.key))")
        #expect(MatchName.key("Coördineren financiën") == MatchName.key("Coordineren Financien"))
        #expect(MatchName.key("Stuurscenario's") == MatchName.key("stuurscenario"))
        #expect(MatchName.words("WP Innen huur (achterstand)") == ["innen", "huur", "achterstand"])
        // A name that is only a code, or only a prefix, keeps it.
        #expect(MatchName.words("P03") == ["p03"])
        #expect(MatchName.words("BP") == ["bp"])
    }

    @Test("letter triples: a compound written together or apart shares all but the triples across the join")
    func trigrams() {
        #expect(MatchName.trigrams(of: "klant bediening") == MatchName.trigrams(of: "klantbediening"))
        #expect(MatchName.trigrams(of: "bediening klant").intersection(MatchName.trigrams(of: "klantbediening")).count == 10)
        #expect(MatchName.trigrams(of: "ab") == ["ab"] && MatchName.trigrams(of: "").isEmpty)
        #expect(MatchName.trigrams(of: "huur") == ["huu", "uur"])
    }
}
