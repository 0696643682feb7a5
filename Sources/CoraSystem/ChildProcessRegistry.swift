#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// The child processes running right now (Graphviz `dot`), in a form a signal handler can read: 64
/// slots of fixed memory and a bit mask, so that a SIGINT or SIGTERM that ends `cora` ends them too
/// (``terminateAll()`` only loads the mask and calls `kill`, which is safe in a handler) instead of
/// leaving them to run on their own.
enum ChildProcessRegistry {
    /// The process ids, one per slot.
    nonisolated(unsafe) private static let storage: UnsafeMutablePointer<Int32> = {
        let memory = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
        memory.initialize(repeating: 0, count: 64)
        return memory
    }()

    /// Makes the storage and the mask exist before a handler can need them.
    static func prepare() {
        _ = storage
        _ = runningSlots.load(ordering: .relaxed)
    }

    /// Registers the child `pid`; the slot to hand to ``unregister(_:)``, `nil` when none was free.
    static func register(_ pid: Int32) -> Int? {
        prepare()
        var running = runningSlots.load(ordering: .relaxed)
        while running != .max {
            let slot = (~running).trailingZeroBitCount
            storage[slot] = pid
            let (exchanged, original) = runningSlots.compareExchange(
                expected: running, desired: running | (1 << UInt64(slot)), ordering: .acquiringAndReleasing)
            if exchanged { return slot }
            running = original
        }
        return nil
    }

    /// Frees `slot` (the child has ended).
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        runningSlots.bitwiseAnd(~(1 << UInt64(slot)), ordering: .releasing)
    }

    /// Sends SIGKILL to every registered child: called from a signal handler, so only `kill`.
    /// Not SIGTERM: a `dot` started from a drawing thread (Foundation starts it with that thread's
    /// signal mask, and Dispatch's workers block nearly every signal) would not see it and would
    /// outlive cora; `dot` has nothing to clean up.
    static func terminateAll() {
        var running = runningSlots.load(ordering: .acquiring)
        while running != 0 {
            let slot = running.trailingZeroBitCount
            let pid = storage[slot]
            if pid > 0 { kill(pid, SIGKILL) }
            running &= running - 1
        }
    }
}

/// Slots that hold a running child.
private let runningSlots = Atomic<UInt64>(0)
