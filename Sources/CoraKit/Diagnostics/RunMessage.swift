/// What a run says while it works, before its result: which mapping `--mapping auto` chose (a
/// note), or a warning about the run itself rather than the data (a local mapping left out).
public enum RunMessage: Sendable, Equatable {
    /// A note.
    case note(Note)
    /// A warning about the run.
    case warning(Diagnostic)
}
