#if canImport(Glibc)
import Glibc
#endif
import CoraKit
import Foundation

/// The progress of a batch on standard error: a bar that redraws itself on a terminal (files done
/// of total, rows, errors, time elapsed and left), one line per finished file otherwise (not a
/// terminal, `CI` set, or `TERM=dumb`).
final class BatchProgressView: BatchObserver, @unchecked Sendable {
    private let drawsBar: Bool
    private let lock = NSLock()
    private var start = ContinuousClock.now
    private var total = 0
    private var totalBytes = 1
    private var done = 0
    private var doneBytes = 0
    private var rows = 0
    private var errors = 0
    private var barShown = false
    private var lastBar = ""

    init() {
        let environment = ProcessInfo.processInfo.environment
        drawsBar = isatty(2) == 1 && environment["CI"] == nil && environment["TERM"] != "dumb"
    }

    func start(total: Int, totalBytes: Int) {
        locked {
            self.start = ContinuousClock.now
            self.total = total
            self.totalBytes = max(1, totalBytes)
        }
    }

    func finished(_ summary: BatchFileSummary, bytes: Int, unchanged: Bool) {
        locked {
            done += 1
            doneBytes += bytes
            rows += summary.rowsRead
            errors += summary.errors
            if !drawsBar {
                Terminal.writeStderr("[\(done)/\(total) \(Self.clock(elapsed))] \(Self.describe(summary, unchanged: unchanged))\n")
                return
            }
            if summary.status == .failed || summary.status == .errors { printAboveBar(Self.describe(summary, unchanged: unchanged)) }
            drawBar()
        }
    }

    func read(_ path: String, mapping: String, bytes: Int) {
        locked {
            done += 1
            doneBytes += bytes
            if drawsBar { drawBar() } else { Terminal.writeStderr("[\(done)/\(total) \(Self.clock(elapsed))] \(BatchText.oneLine(path)): read (\(mapping))\n") }
        }
    }

    func tell(_ message: RunMessage) {
        locked {
            guard barShown else { return Terminal.tell(message) }
            Terminal.writeStderr(raw: "\r\u{1B}[2K")
            barShown = false
            lastBar = ""
            Terminal.tell(message)
            drawBar()
        }
    }

    func tick() {
        guard drawsBar else { return }
        locked { drawBar() }
    }

    func end() {
        guard drawsBar else { return }
        locked {
            if barShown { Terminal.writeStderr(raw: "\r\u{1B}[2K") }
            barShown = false
        }
    }

    private func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }

    private var elapsed: Duration { ContinuousClock.now - start }

    private func printAboveBar(_ text: String) {
        Terminal.writeStderr(raw: (barShown ? "\r\u{1B}[2K" : "") + TerminalText.escaped(text) + "\n")
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
            left = Self.clock(.seconds(Double(max(0, totalBytes - doneBytes)) / (Double(doneBytes) / max(seconds, 0.001))))
        } else if done == total {
            left = "0:00"
        }
        let bar = "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
            + "\(done)/\(total) files · \(rows) rows · \(BatchText.count(errors, "error")) · \(Self.clock(elapsed)) elapsed · \(left) left"
        guard bar != lastBar else { return }
        lastBar = bar
        Terminal.writeStderr(raw: "\r\u{1B}[2K" + bar)
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
