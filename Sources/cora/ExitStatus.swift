import ArgumentParser

/// The exit statuses of `cora`.
enum ExitStatus {
    /// No errors in the data.
    static let success = ExitCode(0)
    /// The data has errors; the diagnostics say which.
    static let dataErrors = ExitCode(1)
    /// The run could not go on: unreadable input, unusable mapping, unwritable output.
    static let cannotContinue = ExitCode(2)
}

/// A failure that ends the run with ``ExitStatus/cannotContinue`` after printing its message.
struct CLIFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
