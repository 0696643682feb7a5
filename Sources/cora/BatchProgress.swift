#if canImport(Glibc)
import Glibc
#endif
import CoraKit
import Dispatch
import Foundation
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM during `cora batch`: the first asks the batch to stop cleanly (files
/// being read are abandoned, files being written are finished, the summary is written); a second
/// one ends the process at once, as usual.
enum BatchInterrupt {
    /// Catches SIGINT and SIGTERM. Call it before starting threads: they inherit the signal mask,
    /// which is cleared of both here (a parent may have started `cora` with them blocked).
    static func install() {
        signal(SIGINT, batchSignalHandler)
        signal(SIGTERM, batchSignalHandler)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether a stop was asked for.
    static var requested: Bool { batchSignals.load(ordering: .relaxed) > 0 }
}

/// How many stop signals arrived (written by the signal handler, so an atomic).
private let batchSignals = Atomic<Int>(0)

/// Counts the signal and restores the default action, so that the next one ends the process.
private func batchSignalHandler(_ number: Int32) {
    batchSignals.add(1, ordering: .relaxed)
    signal(number, SIG_DFL)
}

/// Runs work items on a fixed number of threads and waits for them, calling `tick` on the calling
/// thread about ten times a second meanwhile.
enum BatchPool {
    /// Runs `work` for each of `items` on `jobs` threads; an item not started because `stop()`
    /// said so gives `nil`.
    static func run<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int, stop: @escaping @Sendable () -> Bool,
        tick: () -> Void, work: @escaping @Sendable (Item) -> Output
    ) -> [Output?] {
        let state = Locked<(next: Int, results: [Output?])>((0, Array(repeating: nil, count: items.count)))
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, items.count)) {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while !stop() {
                    let index: Int? = state.withLock { state in
                        guard state.next < items.count else { return nil }
                        state.next += 1
                        return state.next - 1
                    }
                    guard let index else { break }
                    let output = work(items[index])
                    state.withLock { $0.results[index] = output }
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        while group.wait(timeout: .now() + .milliseconds(100)) == .timedOut { tick() }
        tick()
        return state.withLock { $0.results }
    }
}

/// A value shared between threads, behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    /// Runs `body` with the value, holding the lock.
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// The progress of a batch on standard error: a bar that redraws itself on a terminal (files done
/// of total, rows, errors, time elapsed and left), one line per finished file otherwise (not a
/// terminal, `CI` set, or `TERM=dumb`).
final class BatchProgress: @unchecked Sendable {
    /// How progress is shown.
    enum Style {
        case bar, lines
    }

    private let style: Style
    private let total: Int
    private let totalBytes: Int
    private let start = ContinuousClock.now
    private let lock = NSLock()
    private var done = 0
    private var doneBytes = 0
    private var rows = 0
    private var errors = 0
    private var barShown = false
    private var lastBar = ""

    /// Progress over `total` files of `totalBytes` bytes in all.
    init(total: Int, totalBytes: Int) {
        self.total = total
        self.totalBytes = max(1, totalBytes)
        let environment = ProcessInfo.processInfo.environment
        let terminal = isatty(2) == 1 && environment["CI"] == nil && environment["TERM"] != "dumb"
        style = terminal ? .bar : .lines
    }

    /// One input is finished.
    func finished(_ summary: BatchFileSummary, bytes: Int, unchanged: Bool) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        doneBytes += bytes
        rows += summary.rowsRead
        errors += summary.errors
        switch style {
        case .lines:
            Terminal.writeStderr("[\(done)/\(total) \(Self.clock(elapsed))] \(Self.describe(summary, unchanged: unchanged))\n")
        case .bar:
            if summary.status == .failed || summary.status == .errors {
                printAboveBar(Self.describe(summary, unchanged: unchanged))
            }
            drawBar()
        }
    }

    /// One input is read into a merged run (`--merge`).
    func read(_ path: String, mapping: String, bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        doneBytes += bytes
        switch style {
        case .lines: Terminal.writeStderr("[\(done)/\(total) \(Self.clock(elapsed))] \(BatchText.oneLine(path)): read (\(mapping))\n")
        case .bar: drawBar()
        }
    }

    /// A line for the user (above the bar on a terminal).
    func note(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if style == .bar { printAboveBar(text) } else { Terminal.writeStderr(text + "\n") }
    }

    /// Redraws the bar (the clock moves even when no file finishes).
    func tick() {
        guard style == .bar else { return }
        lock.lock()
        defer { lock.unlock() }
        drawBar()
    }

    /// Clears the bar before the summary is printed.
    func end() {
        guard style == .bar else { return }
        lock.lock()
        defer { lock.unlock() }
        if barShown { Terminal.writeStderr("\r\u{1B}[2K") }
        barShown = false
    }

    private var elapsed: Duration { ContinuousClock.now - start }

    private func printAboveBar(_ text: String) {
        Terminal.writeStderr((barShown ? "\r\u{1B}[2K" : "") + text + "\n")
        barShown = false
        lastBar = ""
        drawBar()
    }

    private func drawBar() {
        let width = 24
        let filled = total == 0 ? width : width * done / total
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var left = "–"
        if doneBytes > 0 && done < total {
            let rate = Double(doneBytes) / max(seconds, 0.001)
            left = Self.clock(.seconds(Double(max(0, totalBytes - doneBytes)) / rate))
        } else if done == total {
            left = "0:00"
        }
        let bar = "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
            + "\(done)/\(total) files · \(rows) rows · \(BatchText.count(errors, "error")) · \(Self.clock(elapsed)) elapsed · \(left) left"
        guard bar != lastBar else { return }
        lastBar = bar
        Terminal.writeStderr("\r\u{1B}[2K" + bar)
        barShown = true
    }

    /// `hr.csv: ok (canonical; 73 rows, 73 processes)`.
    static func describe(_ summary: BatchFileSummary, unchanged: Bool) -> String {
        var text = "\(BatchText.oneLine(summary.input)): \(summary.status.rawValue)"
        if let reason = summary.reason { return text + ": " + BatchText.oneLine(reason) + (unchanged ? " (unchanged, not redone)" : "") }
        text += " (\(summary.mapping ?? "-"); \(BatchText.count(summary.rowsRead, "row")), \(BatchText.count(summary.processes, "process"))"
        if summary.errors > 0 { text += ", \(BatchText.count(summary.errors, "error"))" }
        if summary.warnings > 0 { text += ", \(BatchText.count(summary.warnings, "warning"))" }
        return text + (unchanged ? "; unchanged, not redone)" : ")")
    }

    /// `1:05`, or `1:02:03` past an hour.
    static func clock(_ duration: Duration) -> String {
        let total = Int(duration.components.seconds)
        let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60)
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(seconds))" : "\(minutes):\(two(seconds))"
    }
}
