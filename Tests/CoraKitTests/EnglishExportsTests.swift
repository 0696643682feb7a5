import CoraCSV
@testable import CoraKit
import Foundation
import Testing

/// English exports (issue 14, point 3): English headers, level and category words, a mapping's
/// `language`, and the naming convention in that language.
@Suite("English exports")
struct EnglishExportsTests {
    @Test("English headers name their fields, and say the language")
    func headers() {
        #expect(HeaderVocabulary.fields(forHeader: "Process ID") == [.code])
        #expect(HeaderVocabulary.fields(forHeader: "Parent ID") == [.parent])
        #expect(HeaderVocabulary.fields(forHeader: "Process owner") == [.owner])
        #expect(HeaderVocabulary.fields(forHeader: "Systems") == [.applications])
        #expect(HeaderVocabulary.language(ofHeader: "Parent ID") == .en)
        #expect(HeaderVocabulary.language(ofHeader: "Bovenliggend proces") == .nl)
        #expect(HeaderVocabulary.language(ofHeader: "Type") == nil)
        #expect(HeaderVocabulary.language(ofHeader: "Category") == nil)
    }

    @Test("English level and category words are built in")
    func words() {
        #expect(Vocabulary.levels.lookUp("Sub-process") == .found(.workProcess))
        #expect(Vocabulary.levels.lookUp("Main process") == .found(.businessProcess))
        #expect(Vocabulary.levels.lookUp("Activity") == .found(.processStep))
        #expect(Vocabulary.categories.lookUp("Core process") == .found(.primary))
        #expect(Vocabulary.categories.lookUp("Support processes") == .found(.supporting))
        #expect(WordLanguage.ofValue("Work process") == .en)
        #expect(WordLanguage.ofValue("Werkproces") == .nl)
        #expect(WordLanguage.ofValue("BP") == nil)
    }

    @Test("a mapping says its language: nl or en, nothing else")
    func parse() throws {
        #expect(try MappingParser.parse("name: x\nlanguage: en\n", file: "x.yaml").language == .en)
        #expect(try MappingParser.parse("name: x\n", file: "x.yaml").language == nil)
        #expect(throws: MappingError(file: "x.yaml", line: 2, message: "language must be nl or en, not \"fr\"",
                                     hint: "the language of the process names, for the naming convention")) {
            try MappingParser.parse("name: x\nlanguage: fr\n", file: "x.yaml")
        }
    }

    @Test("the English naming convention: a verb first passes, a noun made from a verb is flagged")
    func englishConvention() {
        for name in ["Pay invoices", "Let homes", "Determine strategy", "Plan maintenance", "Document decision",
                     "Periodically review rents", "3.1 Collect rent"] {
            #expect(NameRules.convention(for: name, level: .workProcess, language: .en) == nil, "\(name)")
        }
        #expect(NameRules.convention(for: "Payment of invoices", level: .businessProcess, language: .en) == NameRules.Convention(
            message: "the business process \"Payment of invoices\" does not start with a verb; an English process name starts with the verb, such as \"Let homes\" or \"Pay invoices\"",
            hint: "start with the verb (\"Pay invoices\", not \"Paying invoices\" or \"Payment of invoices\"); this is a convention, the process is kept as it is"))
        for name in ["Letting homes", "Collection of rent", "Maintenance planning", "Approval of budget"] {
            #expect(NameRules.convention(for: name, level: .workProcess, language: .en) != nil, "\(name)")
        }
        // Dutch stays as it was, and is what a mapping without a language gets.
        #expect(NameRules.convention(for: "Pay invoices", level: .workProcess, language: .nl) != nil)
        #expect(NameRules.convention(for: "Verhuren eenheid", level: .workProcess, language: .nl) == nil)
    }

    @Test("convert with language: en warns only about the English name that starts with a noun")
    func convert() throws {
        let text = "Process,Type\nPay invoices,Business process\nPayment of wages,Business process\n"
        let english = try MappingParser.parse("name: x\nlanguage: en\nfields:\n  name: Process\n  level: Type\n", file: "x.yaml")
        let result = try Pipeline.convert(MemoryByteSource(text: text), file: "in.csv", mapping: english)
        #expect(result.diagnostics.map { "\($0.line ?? 0) \($0.code.rawValue)" } == ["3 naming-convention"])
        var dutch = english
        dutch.language = nil
        let asDutch = try Pipeline.convert(MemoryByteSource(text: text), file: "in.csv", mapping: dutch)
        #expect(asDutch.diagnostics.map { "\($0.line ?? 0) \($0.code.rawValue)" } == ["2 naming-convention", "3 naming-convention"])
    }

    @Test("mapping init on an English export: parent column, codes, language en, no TODO")
    func draft() throws {
        let text = """
            Process ID,Process,Parent ID,Type,Category,Owner,Applications
            P1,Collect rent,,Business process,Primary,Finance manager,Empire
            P1.1,Send rent invoice,P1,Work process,Primary,Accounts receivable,Empire
            P2,Manage finances,,Business process,Supporting,Controller,AFAS
            P2.1,Pay invoices,P2,Work process,Supporting,Accounts payable,AFAS

            """
        let reader = try CSVReader(source: MemoryByteSource(text: text))
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        let draft = MappingDraft(file: "export.csv", name: "export", records: records)
        #expect(draft.language == .en)
        #expect(draft.shape == .parentColumn)
        #expect(draft.fields[.parent]?.match == .code)
        #expect(!draft.yaml.contains("TODO:"), "\(draft.yaml)")
        let mapping = try MappingParser.parse(draft.yaml, file: "draft.yaml")
        #expect(mapping.language == .en)
        let result = try Pipeline.convert(MemoryByteSource(text: text), file: "export.csv", mapping: mapping)
        #expect(result.diagnostics.isEmpty)
        #expect(result.model.processes.map { "\($0.name) < \($0.parent)" } == ["Collect rent < ", "Send rent invoice < P1", "Manage finances < ", "Pay invoices < P2"])
    }
}
