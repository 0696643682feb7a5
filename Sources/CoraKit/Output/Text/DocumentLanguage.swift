/// The language of generated documents: Dutch CORA terms by default, English on request.
public enum DocumentLanguage: String, Sendable, CaseIterable {
    /// Dutch, with CORA's own terms ("Sturende processen", "Bedrijfsproces").
    case nl
    /// English.
    case en

    /// The heading of a category's section ("Sturende processen").
    public func section(_ category: ProcessCategory?) -> String {
        switch (self, category) {
        case (.nl, .steering?): return "Sturende processen"
        case (.nl, .primary?): return "Primaire processen"
        case (.nl, .supporting?): return "Ondersteunende processen"
        case (.nl, nil): return "Processen zonder categorie"
        case (.en, .steering?): return "Steering processes"
        case (.en, .primary?): return "Primary processes"
        case (.en, .supporting?): return "Supporting processes"
        case (.en, nil): return "Processes without a category"
        }
    }

    /// The name of a level, singular ("Bedrijfsproces").
    public func level(_ level: ProcessLevel?) -> String {
        guard let level else { return self == .nl ? "Proces" : "Process" }
        switch self {
        case .nl: return level.dutchName.prefix(1).uppercased() + level.dutchName.dropFirst()
        case .en:
            let words = level.rawValue.replacingOccurrences(of: "-", with: " ")
            return words.prefix(1).uppercased() + words.dropFirst()
        }
    }

    /// The plural of a level's name, lower case ("bedrijfsprocessen").
    public func levelPlural(_ level: ProcessLevel) -> String {
        switch (self, level) {
        case (.nl, .steeringScenario): return "stuurscenario's"
        case (.nl, .processChain): return "procesketens"
        case (.nl, .businessProcess): return "bedrijfsprocessen"
        case (.nl, .workProcess): return "werkprocessen"
        case (.nl, .processStep): return "processtappen"
        case (.en, .steeringScenario): return "steering scenarios"
        case (.en, .processChain): return "process chains"
        case (.en, .businessProcess): return "business processes"
        case (.en, .workProcess): return "work processes"
        case (.en, .processStep): return "process steps"
        }
    }

    /// A fixed label.
    public func text(_ key: Label) -> String {
        switch self {
        case .nl:
            switch key {
            case .processModel: return "Procesmodel"
            case .contents: return "Inhoud"
            case .code: return "Code"
            case .name: return "Naam"
            case .owner: return "Eigenaar"
            case .function: return "Bedrijfsfunctie"
            case .services: return "Diensten"
            case .businessServices: return "Bedrijfsservices"
            case .applications: return "Applicaties"
            case .events: return "Gebeurtenissen"
            case .status: return "Status"
            case .validation: return "Validatie"
            case .errors: return "Fouten"
            case .error: return "fout"
            case .warning: return "waarschuwing"
            case .warnings: return "Waarschuwingen"
            case .noFindings: return "Geen bevindingen."
            case .firstFindings: return "Eerste bevindingen"
            case .line: return "regel"
            case .processes: return "processen"
            case .chains: return "Procesketens en stuurscenario's"
            case .otherProcesses: return "Overige processen"
            case .noWorkProcesses: return "Geen werkprocessen."
            case .next: return "Volgende"
            case .partOf: return "Onderdeel van"
            case .requirements: return "Eisen"
            case .steers: return "Stuurt"
            case .reportsTo: return "Rapporteert aan"
            case .steeredBy: return "Gestuurd door"
            case .reportsFrom: return "Verantwoording van"
            case .pdcaPhase: return "PDCA-fase"
            case .pdcaCycle: return "PDCA-cyclus"
            case .group: return "Bron"
            }
        case .en:
            switch key {
            case .processModel: return "Process model"
            case .contents: return "Contents"
            case .code: return "Code"
            case .name: return "Name"
            case .owner: return "Owner"
            case .function: return "Business function"
            case .services: return "Services"
            case .businessServices: return "Business services"
            case .applications: return "Applications"
            case .events: return "Events"
            case .status: return "Status"
            case .validation: return "Validation"
            case .errors: return "Errors"
            case .error: return "error"
            case .warning: return "warning"
            case .warnings: return "Warnings"
            case .noFindings: return "No findings."
            case .firstFindings: return "First findings"
            case .line: return "line"
            case .processes: return "processes"
            case .chains: return "Process chains and steering scenarios"
            case .otherProcesses: return "Other processes"
            case .noWorkProcesses: return "No work processes."
            case .next: return "Next"
            case .partOf: return "Part of"
            case .requirements: return "Requirements"
            case .steers: return "Steers"
            case .reportsTo: return "Reports to"
            case .steeredBy: return "Steered by"
            case .reportsFrom: return "Accountability from"
            case .pdcaPhase: return "PDCA phase"
            case .pdcaCycle: return "PDCA cycle"
            case .group: return "Source"
            }
        }
    }

    /// The fixed labels of documents.
    public enum Label: Sendable {
        case processModel, contents, code, name, owner, function, services, businessServices, applications, events, status
        case validation, errors, warnings, error, warning, noFindings, firstFindings, line, processes, chains, otherProcesses
        case noWorkProcesses, next, partOf
        case requirements, steers, reportsTo, steeredBy, reportsFrom, pdcaPhase, pdcaCycle, group
    }

    /// The label of a requirement tag: the catalog's in this language, else the tag as written.
    public func requirement(_ tag: String, in catalog: RequirementCatalog) -> String {
        guard let known = catalog.tag(tag) else { return tag }
        return self == .nl ? known.dutchLabel : known.englishLabel
    }

    /// The name of a PDCA phase: "Plan (plannen)" in Dutch, "Plan" in English.
    public func phase(_ phase: PDCAPhase) -> String {
        let name = phase.rawValue.prefix(1).uppercased() + phase.rawValue.dropFirst()
        return self == .nl ? "\(name) (\(phase.dutchName))" : name
    }
}
