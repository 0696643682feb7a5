import Dispatch
import Foundation

/// Runs work items on a fixed number of threads and waits for them, calling `tick` on the calling
/// thread about ten times a second meanwhile.
public enum WorkerPool {
    /// Runs `work` for each of `items` on `jobs` threads; an item not started because `stop()`
    /// said so gives `nil`.
    public static func run<Item: Sendable, Output: Sendable>(
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
