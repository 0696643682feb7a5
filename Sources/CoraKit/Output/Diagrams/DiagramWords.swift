/// The words of the diagrams, in the document language: legends, empty bands, tooltips.
struct DiagramWords {
    /// The language.
    let language: DocumentLanguage

    private var dutch: Bool { language == .nl }

    /// The default title: "Procesmodel", with the name of the source when known.
    func title(source: String?) -> String {
        language.text(.processModel) + (source.map { " " + $0 } ?? "")
    }

    /// A band's label with its number of boxes: "Primaire processen (9)".
    func band(_ category: ProcessCategory?, count: Int) -> String {
        language.section(category) + " (\(count))"
    }

    /// Said in a band without processes.
    var noProcesses: String { dutch ? "geen processen" : "no processes" }
    /// Said in the box of a chain or scenario without business processes.
    var noBusinessProcesses: String { dutch ? "geen bedrijfsprocessen" : "no business processes" }
    /// The legend's heading.
    var legend: String { dutch ? "Legenda" : "Legend" }
    /// A business process box of the landscape.
    var businessProcessBox: String { dutch ? "bedrijfsproces: code en naam" : "business process: code and name" }
    /// The heading over the business processes of a chain or scenario.
    var groupHeading: String { dutch ? "procesketen of stuurscenario met zijn bedrijfsprocessen" : "process chain or steering scenario with its business processes" }
    /// The arrow between neighbours, and `→ code` in a box.
    var flow: String { dutch ? "wordt gevolgd door (kolom next)" : "is followed by (the next column)" }
    /// What a click on a box of the landscape does.
    var clickable: String { dutch ? "klik op een bedrijfsproces om het te openen" : "click a business process to open it" }
    /// A work process in the full view or a process diagram.
    var workProcessBox: String { dutch ? "werkproces, met bedrijfsfunctie en diensten" : "work process, with business function and services" }
    /// A work process's row in a card of the full view.
    var workProcessRow: String { dutch ? "werkproces met zijn bedrijfsfunctie" : "work process with its business function" }
    /// A process step.
    var stepBox: String { dutch ? "processtap" : "process step" }
    /// The frame of a business process in a process diagram.
    var businessProcessFrame: String { dutch ? "bedrijfsproces met zijn werkprocessen; een kader bevat de onderdelen" : "business process with its work processes; a frame holds the parts" }

    /// The outer frame of a process diagram of a process at `level`.
    func frame(of level: ProcessLevel?) -> String {
        guard level != .businessProcess else { return businessProcessFrame }
        let name = language.level(level).lowercased()
        return dutch ? "\(name) met zijn onderdelen; een kader bevat de onderdelen" : "\(name) with its parts; a frame holds the parts"
    }

    /// The frames inside a process diagram, holding processes of `levels`.
    func partFrame(levels: Set<ProcessLevel?>) -> String {
        guard levels != [.workProcess] else { return workProcessBox }
        let names = levelNames(levels)
        return dutch ? "\(names), met bedrijfsfunctie en diensten" : "\(names), with business function and services"
    }

    /// The boxes inside the frames of a process diagram, of `levels`.
    func stepBox(levels: Set<ProcessLevel?>) -> String {
        levels == [.processStep] ? stepBox : levelNames(levels)
    }

    /// The names of `levels`, lower case, in alphabetical order: "processtap, werkproces".
    private func levelNames(_ levels: Set<ProcessLevel?>) -> String {
        levels.map { language.level($0).lowercased() }.sorted().joined(separator: ", ")
    }
    /// The label of the services line.
    var delivers: String { dutch ? "levert" : "delivers" }
    /// The label of the events line.
    var startsOn: String { dutch ? "start bij" : "starts on" }
    /// "Level" in a tooltip.
    var level: String { dutch ? "Niveau" : "Level" }
    /// "Description" in a tooltip.
    var description: String { dutch ? "Beschrijving" : "Description" }
    /// "Follows into" in a tooltip.
    var next: String { dutch ? "Gevolgd door" : "Followed by" }
    /// The link back from a process diagram to the landscape.
    var backToLandscape: String { dutch ? "terug naar het landschap" : "back to the landscape" }

    /// The tooltip of a process: code and name, level and category, owner, what follows it, and
    /// its description.
    func tooltip(_ process: CoraProcess, nextNames: [String]) -> String {
        var lines = [[process.code, process.name].filter { !$0.isEmpty }.joined(separator: " ")]
        var kind = "\(level): \(language.level(process.level))"
        if let category = process.category { kind += " (\(language.section(category).lowercased()))" }
        lines.append(kind)
        if !process.owner.isEmpty { lines.append("\(language.text(.owner)): \(process.owner)") }
        if !process.function.isEmpty { lines.append("\(language.text(.function)): \(process.function)") }
        if !nextNames.isEmpty { lines.append("\(next): \(nextNames.joined(separator: ", "))") }
        if !process.description.isEmpty { lines.append("\(description): \(process.description)") }
        return lines.joined(separator: "\n")
    }
}
