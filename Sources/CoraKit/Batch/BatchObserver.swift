/// Hears how a batch goes while it runs (the command line draws a progress bar, or prints a line
/// per file). Called from several threads: an observer locks what it keeps.
public protocol BatchObserver: AnyObject, Sendable {
    /// The work starts: `total` inputs of `totalBytes` bytes.
    func start(total: Int, totalBytes: Int)
    /// One input is finished (or skipped as unchanged).
    func finished(_ summary: BatchFileSummary, bytes: Int, unchanged: Bool)
    /// One input is read into a merged run (`--merge`).
    func read(_ path: String, mapping: String, bytes: Int)
    /// Something to tell the user while the work goes on.
    func tell(_ message: RunMessage)
    /// Time passes (about ten times a second, on the thread that started the batch).
    func tick()
    /// The work is over: the summary comes next.
    func end()
}
