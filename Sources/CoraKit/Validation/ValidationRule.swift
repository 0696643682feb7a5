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
