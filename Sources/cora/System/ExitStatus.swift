import ArgumentParser

/// The exit statuses of `cora`.
enum ExitStatus {
    /// The data has errors; the diagnostics say which.
    static let dataErrors = ExitCode(1)
    /// The run could not go on: unreadable input, unusable mapping, unwritable output.
    static let cannotContinue = ExitCode(2)
    /// Malformed input ended a read before the end of its file: the run is incomplete (what was
    /// read is written; the lines not read are in the rejects file).
    static let incomplete = ExitCode(2)
}
