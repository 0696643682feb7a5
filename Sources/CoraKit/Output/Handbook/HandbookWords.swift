/// The words of the HTML handbook beyond the documents' shared labels (``DocumentLanguage``), in
/// the document language.
struct HandbookWords {
    /// The language.
    let language: DocumentLanguage

    private var dutch: Bool { language == .nl }

    /// What the document is, under its title.
    var handbook: String { dutch ? "Proceshandboek" : "Process handbook" }
    /// The title page's facts.
    var sourceFiles: String { dutch ? "Bronbestanden" : "Source files" }
    var date: String { dutch ? "Datum" : "Date" }
    var size: String { dutch ? "Omvang" : "Size" }
    var findings: String { dutch ? "Bevindingen" : "Findings" }
    /// The landscape's section.
    var landscape: String { dutch ? "Proceslandschap" : "Process landscape" }
    var landscapeIntro: String {
        dutch ? "De bedrijfsprocessen in CORA's drie lagen: sturend, primair en ondersteunend. Klik op een bedrijfsproces om naar zijn beschrijving te gaan."
            : "The business processes in CORA's three bands: steering, primary and supporting. Click a business process to go to its description."
    }
    /// The search box.
    var search: String { dutch ? "Zoeken" : "Search" }
    var searchHint: String { dutch ? "naam, code, eigenaar, bedrijfsfunctie, dienst of applicatie" : "name, code, owner, business function, service or application" }
    /// The search's outcome, filled in by the script: `{n}` is the number.
    var foundOne: String { dutch ? "1 proces gevonden" : "1 process found" }
    var foundMany: String { dutch ? "{n} processen gevonden" : "{n} processes found" }
    var foundNone: String { dutch ? "Geen proces gevonden" : "No process found" }
    var openAll: String { dutch ? "Alles openklappen" : "Expand all" }
    var closeAll: String { dutch ? "Alles dichtklappen" : "Collapse all" }
    /// A business process's parts.
    var level: String { dutch ? "Niveau" : "Level" }
    var description: String { dutch ? "Beschrijving" : "Description" }
    var properties: String { dutch ? "Eigenschappen" : "Properties" }
    var property: String { dutch ? "Eigenschap" : "Property" }
    var value: String { dutch ? "Waarde" : "Value" }
    var process: String { dutch ? "Proces" : "Process" }
    var diagram: String { dutch ? "Diagram" : "Diagram" }
    var workProcessOrStep: String { dutch ? "Werkproces / processtap" : "Work process / step" }
    var findingsHere: String { dutch ? "Bevindingen bij dit bedrijfsproces" : "Findings of this business process" }
    var noBusinessProcesses: String { dutch ? "Geen bedrijfsprocessen." : "No business processes." }
    /// The findings' table.
    var file: String { dutch ? "Bestand" : "File" }
    var line: String { dutch ? "Regel" : "Line" }
    var column: String { dutch ? "Kolom" : "Column" }
    var severity: String { dutch ? "Ernst" : "Severity" }
    var message: String { dutch ? "Melding" : "Message" }
    func moreFindings(_ count: Int) -> String {
        dutch ? "… en nog \(count) bevindingen: alle bevindingen staan in het rapport van cora validate --report."
            : "… and \(count) more findings: every finding is in the report of cora validate --report."
    }
    func findingCount(errors: Int, warnings: Int) -> String {
        dutch ? "\(errors) \(errors == 1 ? "fout" : "fouten"), \(warnings) \(warnings == 1 ? "waarschuwing" : "waarschuwingen")"
            : "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
    }
    /// Why a picture is missing.
    var noGraphviz: String {
        dutch ? "Zonder diagrammen: Graphviz (het programma dot) is niet geïnstalleerd. Installeer het (sudo apt-get install graphviz) en maak het handboek opnieuw."
            : "Without diagrams: Graphviz (its dot program) is not installed. Install it (sudo apt-get install graphviz) and make the handbook again."
    }
    func tooManyDiagrams(_ count: Int, limit: Int) -> String {
        dutch ? "Het model heeft \(count) bedrijfsprocessen; een diagram per bedrijfsproces komt er tot \(limit). Met cora convert --to svg --view each -o MAP staan ze in een map."
            : "The model has \(count) business processes; a diagram per business process is drawn up to \(limit). cora convert --to svg --view each -o DIR writes them to a folder."
    }
    func tooLargeToDraw(_ count: Int, limit: Int, view: String) -> String {
        dutch ? "Geen diagram: het zou \(count) processen tonen, meer dan de \(limit) die een leesbaar diagram heeft. Tekenen kan met cora convert --to svg --view \(view)."
            : "No diagram: it would show \(count) processes, more than the \(limit) a readable diagram has. cora convert --to svg --view \(view) draws it."
    }
    var unreadableDrawing: String { dutch ? "Graphviz gaf geen leesbare SVG" : "Graphviz gave no SVG that can be read" }
    var notDrawn: String { dutch ? "Dit diagram kon niet worden getekend" : "This diagram could not be drawn" }
    /// The foot of the document.
    var madeWith: String { dutch ? "Gemaakt met cora" : "Made with cora" }
    var backToTop: String { dutch ? "Naar boven" : "Back to top" }
    var contents: String { language.text(.contents) }
}
