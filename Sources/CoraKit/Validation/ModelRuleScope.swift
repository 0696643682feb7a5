/// Which models a ``ModelRule`` checks.
public enum ModelRuleScope: Sendable {
    /// The model of one run (one or more inputs read together).
    case run
    /// The model merged from several runs (`cora batch --merge`): what only shows across files.
    case merged
}
