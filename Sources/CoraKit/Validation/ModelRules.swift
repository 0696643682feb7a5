/// Checks that span processes once the hierarchy is known: nesting of levels, categories that
/// differ from the parent's, work processes without a responsible function.
public enum ModelRules {
    /// One process as the rules see it.
    public struct Subject {
        /// The process (with its id, parent id, level and category settled).
        public var process: CoraProcess
        /// The position of its parent in the list of subjects, if it has one.
        public var parentIndex: Int?
        /// The row the process came from (for file, line and columns), `nil` for a process made
        /// from a per-level layout without a row of its own.
        public var row: MappedRow?
    }

    /// A finding about the subject at `index`; an error keeps that process out of the model.
    public struct Finding {
        /// The position of the subject.
        public var index: Int
        /// What was found.
        public var diagnostic: Diagnostic
    }

    /// The findings for `subjects`. With `strict`, a work process without a function is an error.
    public static func check(_ subjects: [Subject], strict: Bool) -> [Finding] {
        []
    }
}
