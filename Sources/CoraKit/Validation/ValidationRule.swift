/// A check on the model's processes: one type per check, each with the code it reports, listed in
/// ``ValidationRules/all``. The ``Validator`` runs every rule on every input (tables and Archi sets
/// alike); the rule itself never looks at the policy (`--ignore`, `--strict`): its findings go to
/// the ``DiagnosticSink``.
///
/// There are three kinds, by what a check needs to see:
/// - a ``CellRule`` looks at one value at a time (every field, every item of a multi-valued field,
///   and the properties when it says so);
/// - a ``RowRule`` looks at one row (or Archi element) as a whole;
/// - a ``ModelRule`` looks at the processes together, once the hierarchy is known.
public protocol ValidationRule: Sendable {
    /// The code of every finding of the rule.
    var code: DiagnosticCode { get }
}

/// What a rule found: the sentence for people and what to do about it. The validator adds the
/// code, the place and the value.
public struct RuleFinding: Sendable, Equatable {
    /// A sentence for people.
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// The severity, when it is not the code's default.
    public var severity: Diagnostic.Severity?

    /// Creates a finding.
    public init(_ message: String, hint: String? = nil, severity: Diagnostic.Severity? = nil) {
        self.message = message
        self.hint = hint
        self.severity = severity
    }
}

/// One value of a row as a ``CellRule`` sees it.
public struct Cell: Sendable {
    /// Where the value is in the row.
    public enum Place: Sendable, Equatable {
        /// The value of a single-valued field.
        case field(CanonicalField)
        /// One item of a multi-valued field.
        case item(CanonicalField)
        /// A property (an unmapped column) of this name.
        case property(String)
    }

    /// The value.
    public var value: String
    /// Where it is.
    public var place: Place

    /// The field, unless the value is a property.
    public var field: CanonicalField? {
        switch place {
        case .field(let field), .item(let field): return field
        case .property: return nil
        }
    }

    /// How messages name the value: `the name`, `"X" in services`, `the property "Afdeling"`.
    public var subject: String {
        switch place {
        case .field(let field): return "the \(field.rawValue)"
        case .item(let field): return "\"\(value)\" in \(field.rawValue)"
        case .property(let name): return "the property \"\(name)\""
        }
    }
}

/// A check of one value, run on every field value and list item of every row (and on the
/// properties when ``checksProperties``).
public protocol CellRule: ValidationRule {
    /// Whether the values of properties (unmapped columns) are checked too.
    var checksProperties: Bool { get }
    /// What is wrong with `cell`, if anything.
    func check(_ cell: Cell) -> RuleFinding?
}

/// A check of one row (or element) as a whole.
public protocol RowRule: ValidationRule {
    /// The field the finding is about (its column is the diagnostic's column).
    var field: CanonicalField { get }
    /// What is wrong with `row`, if anything; `level` is the row's own level, when it has one.
    func check(_ row: MappedRow, level: ProcessLevel?) -> RuleFinding?
}

/// A check across processes, once their parents, levels and categories are settled.
public protocol ModelRule: ValidationRule {
    /// Where the rule runs: on the model of each run, or on the model that `cora batch --merge`
    /// makes of several runs.
    var scope: ModelRuleScope { get }
    /// Reports each finding with the position of the process it is about.
    func check(_ model: ModelFacts, report: (Int, ModelFinding) -> Void)
}

/// Which models a ``ModelRule`` checks.
public enum ModelRuleScope: Sendable {
    /// The model of one run (one or more inputs read together).
    case run
    /// The model merged from several runs (`cora batch --merge`): what only shows across files.
    case merged
}

/// A finding of a ``ModelRule``: what was found and the field of the process it is about.
public struct ModelFinding: Sendable {
    /// What was found.
    public var finding: RuleFinding
    /// The field whose column the diagnostic names.
    public var field: CanonicalField
    /// The value in question.
    public var value: String?

    /// Creates a finding.
    public init(_ finding: RuleFinding, field: CanonicalField, value: String?) {
        self.finding = finding
        self.field = field
        self.value = value
    }
}
