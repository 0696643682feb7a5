import Dispatch
import Foundation

/// Runs work items on a fixed number of threads and waits for them, calling `tick` on the calling
/// thread about ten times a second meanwhile.
///
/// It never waits for a thread that did not start (one the system could not create, under a memory
/// limit): the items are taken from one queue by the threads that run, and when none has started
/// after a second, the calling thread does the work itself. When `stop()` says so, no item is
/// started any more and the pool returns as soon as the items in progress are done.
public enum WorkerPool {
    /// How the work stands, behind one lock.
    private struct State<Output> {
        var next = 0
        var inProgress = 0
        var done = 0
        var started = 0
        var closed = false
        var results: [Output?]
    }

    /// Runs `work` for each of `items` on `jobs` threads; an item not started because `stop()`
    /// said so gives `nil`.
    public static func run<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int, stop: @escaping @Sendable () -> Bool,
        tick: () -> Void, work: @escaping @Sendable (Item) -> Output
    ) -> [Output?] {
        let state = Locked(State<Output>(results: Array(repeating: nil, count: items.count)))
        let itemDone = DispatchSemaphore(value: 0)
        /// Takes the next item, unless the pool is closed or a stop was asked for.
        @Sendable func take() -> Int? {
            state.withLock { state in
                guard !state.closed, !stop(), state.next < items.count else { return nil }
                state.next += 1
                state.inProgress += 1
                return state.next - 1
            }
        }
        @Sendable func drain() {
            while let index = take() {
                let output = work(items[index])
                state.withLock {
                    $0.results[index] = output
                    $0.inProgress -= 1
                    $0.done += 1
                }
                itemDone.signal()
            }
        }
        let threads = max(1, min(jobs, items.count))
        for _ in 0..<threads {
            let thread = Thread {
                state.withLock { $0.started += 1 }
                drain()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        let begun = DispatchTime.now()
        var lastTick = begun
        while true {
            let finished: Bool = state.withLock { state in
                if state.done == items.count || (stop() && state.inProgress == 0) {
                    state.closed = true
                    return true
                }
                return false
            }
            if finished { break }
            if state.withLock({ $0.started }) == 0, DispatchTime.now().uptimeNanoseconds - begun.uptimeNanoseconds > 1_000_000_000 {
                // No thread could be started: the work is done here (without ticks in between).
                drain()
                continue
            }
            if itemDone.wait(timeout: .now() + .milliseconds(100)) == .timedOut || DispatchTime.now().uptimeNanoseconds - lastTick.uptimeNanoseconds > 100_000_000 {
                tick()
                lastTick = .now()
            }
        }
        tick()
        return state.withLock { $0.results }
    }
}
