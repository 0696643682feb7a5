/// Values kept alive until the process ends, so that they are never freed.
///
/// A model of a million processes is millions of allocations. Freed one by one when `run()`
/// returns, just before the process exits, they cost a noticeable share of a large conversion;
/// the kernel takes the whole address space back at once instead. Only for values whose last use
/// is the end of the command.
enum KeptUntilExit {
    // Written only from the command's own thread, once per run.
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `value` until the process exits.
    static func keep(_ value: Any) {
        values.append(value)
    }
}
