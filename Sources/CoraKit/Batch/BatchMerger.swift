/// Puts the models of several conversion runs together into one, for `cora batch --merge`, and
/// checks what only shows across files.
///
/// Inputs read with the same mapping go through one ``ConversionRun``, so a parent in another
/// file of that layout is found and an id used twice is a `duplicate-id` there. Each run is one
/// ``Part`` here; the merger then
///
/// - keeps ids unique across parts: an id that a part derived (its mapping has no id column) and an
///   earlier part already uses is renumbered (`bepalen-visie` → `bepalen-visie-2`), together with
///   the part's references to it; an id that the data gave is a `duplicate-id` error, and that
///   process and its descendants are left out;
/// - reports the same code naming processes with different names in two files as
///   `conflicting-code` (a warning: both stay; an error with `strict`, and the later one is left out);
/// - keeps every process's ``CoraProcess/source``, so each can be traced to its file and line.
///
/// ```swift
/// let merged = BatchMerger().merge([BatchMerger.Part(result: a, idsGiven: true), BatchMerger.Part(result: b, idsGiven: false)])
/// print(merged.model.processes.count, merged.diagnostics.count)
/// ```
public struct BatchMerger: Sendable {
    /// One run's result.
    public struct Part: Sendable {
        /// The result of the run.
        public var result: ConversionResult
        /// Whether the ids come from the data (the mapping has an id column) rather than being derived.
        public var idsGiven: Bool

        /// Creates a part.
        public init(result: ConversionResult, idsGiven: Bool) {
            self.result = result
            self.idsGiven = idsGiven
        }
    }

    /// Whether warnings count as errors (the later process of a `conflicting-code` is left out).
    public var strict: Bool
    /// Warning codes to leave out.
    public var ignoredWarnings: Set<DiagnosticCode>

    /// Creates a merger.
    public init(strict: Bool = false, ignoredWarnings: Set<DiagnosticCode> = []) {
        self.strict = strict
        self.ignoredWarnings = ignoredWarnings
    }

    /// The merged model and the findings across parts (not those of the parts themselves).
    public func merge(_ parts: [Part]) -> (model: ProcessModel, diagnostics: [Diagnostic]) {
        var model = ProcessModel()
        var diagnostics: [Diagnostic] = []
        var firstUse: [String: SourceLocation?] = [:]

        for part in parts {
            var processes = part.result.model.processes
            var taken = Set(firstUse.keys).union(processes.map(\.id))
            var renamed: [String: String] = [:]
            for process in processes where firstUse[process.id] != nil && renamed[process.id] == nil {
                if part.idsGiven {
                    let first = firstUse[process.id]!
                    diagnostics.append(Diagnostic(
                        .error, .duplicateID, "the id \"\(process.id)\" is also used in \(Self.place(first))",
                        file: process.source?.file ?? "", line: process.source?.line, record: process.source?.record,
                        value: process.id, hint: "ids must be unique in the merged model; \(Self.place(first)) keeps it"))
                    // Marked to be left out below, with the part's processes under it.
                    renamed[process.id] = Self.leftOutMark + process.id
                } else {
                    let id = ProcessIdentifier.unique(process.id, avoiding: taken)
                    taken.insert(id)
                    renamed[process.id] = id
                }
            }
            if !renamed.isEmpty {
                for index in processes.indices {
                    processes[index].id = renamed[processes[index].id] ?? processes[index].id
                    processes[index].parent = renamed[processes[index].parent] ?? processes[index].parent
                    processes[index].next = processes[index].next.map { reference in
                        renamed[reference].map { $0.hasPrefix(Self.leftOutMark) ? reference : $0 } ?? reference
                    }
                }
            }
            for process in processes where firstUse[process.id] == nil && !process.id.hasPrefix(Self.leftOutMark) {
                firstUse[process.id] = process.source
            }
            model.append(contentsOf: ProcessModel(processes: processes, propertyNames: part.result.model.propertyNames))
        }

        // The same code with another name in another file.
        var codes: [String: CoraProcess] = [:]
        var conflicting = Set<String>()
        if !(ignoredWarnings.contains(.conflictingCode)) {
            for process in model.processes where !process.code.isEmpty && !process.id.hasPrefix(Self.leftOutMark) {
                guard let first = codes[process.code] else {
                    codes[process.code] = process
                    continue
                }
                guard first.source?.file != process.source?.file,
                      TextNormalization.matchKey(first.name) != TextNormalization.matchKey(process.name) else { continue }
                var diagnostic = Diagnostic(
                    .warning, .conflictingCode,
                    "the code \"\(process.code)\" names \"\(process.name)\" here and \"\(first.name)\" in \(Self.place(first.source))",
                    file: process.source?.file ?? "", line: process.source?.line, record: process.source?.record,
                    value: process.code,
                    hint: "one code, one process: rename one of them in its source, or give both the same name if they are the same process")
                if strict {
                    diagnostic.severity = .error
                    diagnostic.message += " (an error with --strict)"
                    conflicting.insert(process.id)
                }
                diagnostics.append(diagnostic)
            }
        }

        // Leave out what has errors, with its descendants, so no parent is missing.
        var removed = Set(model.processes.filter { $0.id.hasPrefix(Self.leftOutMark) || conflicting.contains($0.id) }.map(\.id))
        if !removed.isEmpty {
            var changed = true
            while changed {
                changed = false
                for process in model.processes where !removed.contains(process.id) && removed.contains(process.parent) {
                    removed.insert(process.id)
                    changed = true
                    let parent = process.parent.hasPrefix(Self.leftOutMark) ? String(process.parent.dropFirst()) : process.parent
                    diagnostics.append(Diagnostic(
                        .error, .unknownParent, "the parent \"\(parent)\" has errors and is not in the merged model",
                        file: process.source?.file ?? "", line: process.source?.line, record: process.source?.record,
                        value: parent, hint: "fix the parent's row first"))
                }
            }
            model.processes.removeAll { removed.contains($0.id) }
        }
        return (model, diagnostics)
    }

    /// Marks the id of a process to leave out (no valid id starts with it).
    private static let leftOutMark = "\u{0}"

    private static func place(_ location: SourceLocation?) -> String {
        guard let location else { return "another file" }
        return "\(location.file), line \(location.line)"
    }
}
