import CoraCSV

/// A stable, kebab-case name for a kind of finding, with the severity it has unless its reporter
/// says otherwise.
///
/// Every code `cora` reports is a case here, and nowhere else: scripts filter on them, reports
/// count them, `--ignore` names them, and the README lists them (a test checks that it lists
/// exactly these). Codes never change once published.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    // MARK: Reading an input

    /// The input could not be opened or read.
    case unreadableInput = "unreadable-input"
    /// The input is not text: a NUL byte that is not UTF-16, or the signature of a binary format
    /// (an Excel workbook, a PDF, an image).
    case binaryInput = "binary-input"
    /// A workbook (.xlsx) that cannot be read: password-protected, an Excel 97-2003 file, a broken
    /// archive or part, over the limits (a zip bomb); reading it stopped.
    case unreadableWorkbook = "unreadable-workbook"
    /// The sheet asked for with `--sheet` is not in the workbook, or several sheets fit and none was named.
    case noSuchSheet = "no-such-sheet"
    /// A cell of a workbook read as less than it holds: a formula without a cached value.
    case workbookCell = "workbook-cell"
    /// The input holds no records at all.
    case emptyFile = "empty-file"
    /// The input has a header but no data rows.
    case noData = "no-data"
    /// A quoted field that is still open at the end of the input; reading stopped.
    case unclosedQuote = "unclosed-quote"
    /// A quote inside an unquoted field, or text right after a closing quote; reading stopped.
    case strayQuote = "stray-quote"
    /// A NUL byte, which no text file holds; reading stopped.
    case nulByte = "nul-byte"
    /// A field over the size limit (`--max-field-size`); reading stopped.
    case fieldTooLarge = "field-too-large"
    /// A record with more fields than the limit (`--max-fields`); reading stopped.
    case tooManyFields = "too-many-fields"
    /// The input has more records than the limit (`--max-rows`); reading stopped there.
    case tooManyRows = "too-many-rows"
    /// libcsv could not get memory; reading stopped.
    case outOfMemory = "out-of-memory"
    /// Bytes that are not valid UTF-8 were read as Windows-1252.
    case encodingFallback = "encoding-fallback"
    /// Bytes that are not valid in the encoding given with `--encoding` were replaced with U+FFFD.
    case invalidEncoding = "invalid-encoding"
    /// UTF-16 without a byte order mark, recognised by its zero bytes.
    case utf16WithoutBOM = "utf16-without-bom"
    /// `--max-errors` was reached; the rest of the input was not read.
    case maxErrorsReached = "max-errors-reached"

    // MARK: The header

    /// A header cell is empty while the column holds data.
    case blankHeader = "blank-header"
    /// Two columns have the same header.
    case duplicateHeader = "duplicate-header"
    /// The header lacks the mapping's columns, and a later row has them (titles above the table).
    case headerElsewhere = "header-elsewhere"
    /// A column the mapping needs is not in the header (a warning when it only looks misspelled).
    case missingColumn = "missing-column"

    // MARK: One row

    /// A row has more cells than the header, and the extra cells hold data.
    case extraCells = "extra-cells"
    /// A row has fewer cells than the header; the missing cells count as empty.
    case missingCells = "missing-cells"
    /// A row whose cells are all empty; it is skipped.
    case emptyRow = "empty-row"
    /// A process without a name.
    case missingName = "missing-name"
    /// A level that is not one of the known levels.
    case unknownLevel = "unknown-level"
    /// A category that is not one of the known categories.
    case unknownCategory = "unknown-category"
    /// An id that ArchiMate tools would refuse (allowed: letters, digits, `.`, `_`, `-`).
    case invalidID = "invalid-id"
    /// An order that is not a whole number.
    case invalidOrder = "invalid-order"
    /// A value Excel mangled: a long number in scientific notation, a dotted code turned into a
    /// date, a `="…"` formula wrapper, or an error value such as `#N/A` or `#####`.
    case excelDamage = "excel-damage"
    /// UTF-8 text that was read as Windows-1252 and saved again (`Ã«` for `ë`), or a lost character (`�`).
    case mojibake = "mojibake"
    /// A name with surrounding or doubled whitespace, a `WP `/`BP ` prefix or a `(werkproces)` suffix.
    case nameNoise = "name-noise"
    /// A process name that breaks CORA's naming convention (a verb first: "Verhuren eenheden").
    case namingConvention = "naming-convention"
    /// A requirement that is no tag of the requirements vocabulary (CORA's, or the mapping's own); kept as written.
    case unknownRequirement = "unknown-requirement"
    /// A cell of a yes/no requirement column that says neither yes nor no; the requirement is not added.
    case unclearFlag = "unclear-flag"
    /// A PDCA phase that is not plan, do, check or act (or a word for one); the phase stays empty
    /// and the value is kept as the property `COLUMN (original)`.
    case unknownPDCAPhase = "unknown-pdca-phase"

    // MARK: Across rows

    /// Two processes with the same id.
    case duplicateID = "duplicate-id"
    /// Two rows of one file with the same code (not in a per-level layout, whose rows repeat their
    /// parents' cells).
    case duplicateCode = "duplicate-code"
    /// The same process twice under the same parent (per-level layouts).
    case duplicateProcess = "duplicate-process"
    /// A parent reference that matches no process, or a parent that is not in the model.
    case unknownParent = "unknown-parent"
    /// A `next` reference that matches no process in the model.
    case unknownNext = "unknown-next"
    /// A parent reference whose code or name more than one process has.
    case ambiguousParent = "ambiguous-parent"
    /// A `next` reference whose code or name more than one process has.
    case ambiguousNext = "ambiguous-next"
    /// Processes that are each other's ancestors.
    case parentCycle = "parent-cycle"
    /// A `steers` or `reports-to` reference that matches no process in the model; kept as written.
    case unknownPDCAReference = "unknown-pdca-reference"
    /// A `steers` or `reports-to` reference whose code or name more than one process has; kept as written.
    case ambiguousPDCAReference = "ambiguous-pdca-reference"

    // MARK: The model

    /// A process under a parent of a level that may not contain it (a work process under a work process).
    case invalidNesting = "invalid-nesting"
    /// A process whose category differs from its parent's.
    case categoryMismatch = "category-mismatch"
    /// A work process without a responsible business function.
    case missingFunction = "missing-function"
    /// A process nested deeper than the limit (`--max-depth`).
    case nestingTooDeep = "nesting-too-deep"
    /// A work process or process step at the top of the model: it names no parent.
    case missingParent = "missing-parent"

    // MARK: Requirements and the PDCA cycle (only where the model uses them)

    /// A primary business process that no steering process steers.
    case unsteeredProcess = "unsteered-process"
    /// A steering process that steers nothing.
    case steersNothing = "steers-nothing"
    /// A steered process that reports to no steering process: the cycle is not closed.
    case openPDCALoop = "open-pdca-loop"
    /// Steering processes with PDCA phases, but no check or no act phase among them.
    case pdcaIncomplete = "pdca-incomplete"
    /// A process tagged `privacy` without an owner or a description (the minimum of a register of
    /// processing activities).
    case privacyWithoutOwner = "privacy-without-owner"
    /// `steers` on a process that is not steering, or `reports-to` naming one that is not.
    case notSteering = "not-steering"

    // MARK: Archi CSV sets

    /// The first row of an Archi file is not Archi's header for that file (the file is not read).
    case archiHeader = "archi-header"
    /// A row of an Archi file with another number of fields than its header; Archi refuses it.
    case archiRecordSize = "archi-record-size"
    /// A Type that is not an ArchiMate element (elements.csv) or relationship (relations.csv) type.
    case archiUnknownType = "archi-unknown-type"
    /// A relation whose source or target is no element or relation of the set.
    case archiMissingEnd = "archi-missing-end"
    /// A property whose id is no element, relation or model row of the set.
    case archiUnknownOwner = "archi-unknown-owner"
    /// A file of the set is missing (elements.csv; relations.csv and properties.csv are optional).
    case archiMissingFile = "archi-missing-file"
    /// A second model row (Type ArchimateModel); the first is kept.
    case archiModelRow = "archi-model-row"
    /// A process that is part of two processes (two aggregations or compositions); the first is its parent.
    case archiTwoParents = "archi-two-parents"
    /// A process under more than one business function; the first is its function.
    case archiSeveralFunctions = "archi-several-functions"
    /// An Archi set without a BusinessProcess or BusinessInteraction: nothing to convert.
    case noProcesses = "no-processes"

    // MARK: ArchiMate exchange documents

    /// A file that is not well-formed XML (the parser's finding, with its line and column); nothing of it is read.
    case exchangeNotXML = "exchange-not-xml"
    /// A well-formed document whose root is not `model` in the exchange format's namespace; nothing of it is read.
    case exchangeNotModel = "exchange-not-model"
    /// A document with a DOCTYPE declaration, refused before it is parsed (no entity expansion, no external entities).
    case exchangeDoctype = "exchange-doctype"
    /// A document larger than the limit in bytes, or with more XML elements than the limit; nothing of it is read.
    case exchangeTooLarge = "exchange-too-large"
    /// A document whose XML elements nest deeper than the limit; nothing of it is read.
    case exchangeTooDeep = "exchange-too-deep"
    /// An element or relationship whose `xsi:type` the exchange format does not know; it is left out.
    case exchangeUnknownType = "exchange-unknown-type"
    /// A model, element, relationship, view, view node or connection, or property definition without an identifier.
    case exchangeMissingID = "exchange-missing-id"
    /// A relationship whose source or target is no element or relationship of the document; it is left out.
    case exchangeMissingEnd = "exchange-missing-end"
    /// A reference that names nothing in the document: a property's definition (the property is left
    /// out), a view node's element, a connection's relationship, an organization item's concept.
    case exchangeUnknownReference = "exchange-unknown-reference"

    // MARK: Batches

    /// `--mapping auto` found no mapping that fits the input's header.
    case noMappingFits = "no-mapping-fits"
    /// The input's outputs would overwrite another input's outputs or a file of the batch itself.
    case outputConflict = "output-conflict"
    /// An output would land outside the output folder (through a link); nothing was written.
    case unsafeOutput = "unsafe-output"
    /// With `--merge`: one code names different processes in two files.
    case conflictingCode = "conflicting-code"
    /// With `--merge`: the same process (code and name) in two files; the merged model has it once.
    case mergedDuplicate = "merged-duplicate"

    // MARK: The run

    /// A mapping that cannot be used: not found, not valid YAML, an unknown key, a wrong type.
    case invalidMapping = "invalid-mapping"
    /// A pairs file (`--pairs`) that cannot be used: not valid YAML, an unknown key, an id neither
    /// model has, a process paired twice.
    case invalidPairs = "invalid-pairs"
    /// `cora diff` or `cora coverage` with a side that holds no process, or whose read malformed
    /// input ended early: the comparison would be wrong.
    case nothingToCompare = "nothing-to-compare"
    /// An output that is, or would overwrite, an input.
    case outputOverInput = "output-over-input"
    /// An output that exists and may not be replaced (`cora mapping init` without `--force`).
    case outputExists = "output-exists"
    /// An output that could not be written (no space, no permission, a file where a folder must be).
    case unwritableOutput = "unwritable-output"
    /// The arguments name no input files.
    case noInputs = "no-inputs"
    /// `--view` names no business process of the model.
    case invalidView = "invalid-view"
    /// Graphviz `dot` is not installed, or could not draw the diagram.
    case graphvizFailed = "graphviz-failed"
    /// Something `cora` itself got wrong; please report it.
    case internalError = "internal-error"

    /// The severity of a finding of this code unless its reporter says otherwise (a missing column
    /// that only looks misspelled, an unknown level in an Archi property, both warnings).
    public var defaultSeverity: Diagnostic.Severity {
        switch self {
        case .noData, .encodingFallback, .invalidEncoding, .utf16WithoutBOM, .blankHeader, .headerElsewhere, .missingCells,
             .emptyRow, .nameNoise, .namingConvention, .unknownNext, .categoryMismatch, .missingFunction, .archiMissingFile,
             .archiModelRow, .archiTwoParents, .archiSeveralFunctions, .conflictingCode, .ambiguousNext, .missingParent,
             .mergedDuplicate, .exchangeUnknownReference, .unknownRequirement, .unclearFlag, .unknownPDCAReference,
             .ambiguousPDCAReference, .unknownPDCAPhase, .unsteeredProcess, .steersNothing, .openPDCALoop, .pdcaIncomplete, .privacyWithoutOwner, .notSteering, .workbookCell:
            return .warning
        case .unreadableInput, .binaryInput, .unreadableWorkbook, .noSuchSheet, .emptyFile, .unclosedQuote, .strayQuote, .nulByte, .fieldTooLarge, .tooManyFields,
             .tooManyRows, .outOfMemory, .maxErrorsReached, .duplicateHeader, .missingColumn, .extraCells, .missingName,
             .unknownLevel, .unknownCategory, .invalidID, .invalidOrder, .excelDamage, .mojibake, .duplicateID, .duplicateCode, .duplicateProcess,
             .unknownParent, .ambiguousParent, .parentCycle, .invalidNesting, .nestingTooDeep, .archiHeader, .archiRecordSize, .archiUnknownType,
             .archiMissingEnd, .archiUnknownOwner, .noProcesses, .exchangeNotXML, .exchangeNotModel, .exchangeDoctype,
             .exchangeTooLarge, .exchangeTooDeep, .exchangeUnknownType, .exchangeMissingID, .exchangeMissingEnd, .noMappingFits, .outputConflict, .unsafeOutput, .invalidMapping, .invalidPairs, .nothingToCompare,
             .outputOverInput, .outputExists, .unwritableOutput, .noInputs, .invalidView, .graphvizFailed, .internalError:
            return .error
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The code of a problem the CSV reader found.
    public init(_ kind: CSVIssue.Kind) {
        switch kind {
        case .unclosedQuote: self = .unclosedQuote
        case .strayQuote: self = .strayQuote
        case .nulByte: self = .nulByte
        case .fieldTooLarge: self = .fieldTooLarge
        case .tooManyFields: self = .tooManyFields
        case .outOfMemory: self = .outOfMemory
        case .tooManyRecords: self = .tooManyRows
        case .encodingFallback: self = .encodingFallback
        case .invalidEncoding: self = .invalidEncoding
        case .utf16WithoutBOM: self = .utf16WithoutBOM
        }
    }
}

extension DiagnosticCode {
    /// What to tell a user who named `name` as a code when there is no such code (with the
    /// closest one); `nil` when there is.
    public static func problem(naming name: String) -> String? {
        guard DiagnosticCode(rawValue: name) == nil else { return nil }
        let suggestion = Suggestion.closest(to: name, in: allCases.map(\.rawValue)).map { " did you mean \"\($0)\"?" } ?? ""
        return "no code \"\(name)\";\(suggestion) (the README lists every code)"
    }
}
