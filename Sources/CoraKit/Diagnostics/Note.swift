/// A remark about a run that is not a finding about the data: which mapping `--mapping auto`
/// chose, and why. Printed as `file: note: message`; never counted, never in a report.
public struct Note: Sendable, Equatable {
    /// The input (or folder) the note is about.
    public var file: String
    /// What happened.
    public var message: String

    /// Creates a note.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
}
