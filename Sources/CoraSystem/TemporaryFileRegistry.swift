#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// The temporary files being written right now, in a form a signal handler can read: 64 slots of
/// fixed memory, each holding a path as a C string, and two bit masks (claimed by a writer; path
/// complete). ``removeAll()`` only loads the mask and calls `unlink`, which is safe in a handler,
/// so a Ctrl-C or a SIGTERM never leaves a `.cora-tmp-…` file behind.
///
/// A write that finds no free slot (more than 64 at once) or a path longer than a slot is simply
/// not registered: it is still removed on every failure but a signal.
///
/// Ending and creating exclude each other, so that no thread can make a file the handler has
/// already passed by (the handler runs on one thread while the others go on, and ending Graphviz
/// wakes the thread that waited for it): a file is registered and created in ``create(_:_:)``
/// with the stop signals blocked on that thread and counted as in progress; ``removeAll()`` first
/// says the process is ending, so that no new file is begun, then waits for the ones in progress,
/// then removes every registered file.
enum TemporaryFileRegistry {
    /// The number of slots.
    static let slotCount = 64
    /// The bytes of a slot, the terminating NUL included.
    static let slotSize = Int(PATH_MAX)

    /// The slots, allocated once and never freed.
    nonisolated(unsafe) private static let storage: UnsafeMutablePointer<CChar> = {
        let memory = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
        memory.initialize(repeating: 0, count: slotCount * slotSize)
        return memory
    }()

    /// Makes the storage and the masks exist before a handler can need them (globals are made on
    /// first use, which a signal handler must not be).
    static func prepare() {
        _ = storage
        _ = claimedSlots.load(ordering: .relaxed)
        _ = completeSlots.load(ordering: .relaxed)
        _ = ending.load(ordering: .relaxed)
        _ = creating.load(ordering: .relaxed)
    }

    /// Registers `path` and creates it with `open` (which returns a descriptor, or -1 with
    /// `errno` set), as one step that a stop signal cannot come between: the descriptor and the
    /// slot to hand to ``unregister(_:)`` (`nil` when the path could not be registered); `nil`
    /// when the process is ending, and then nothing was created.
    static func create(_ path: String, _ open: () -> Int32) -> (descriptor: Int32, slot: Int?)? {
        var stopSignals = sigset_t(), previous = sigset_t()
        sigemptyset(&stopSignals)
        for number in [SIGINT, SIGTERM, SIGALRM] { sigaddset(&stopSignals, number) }
        pthread_sigmask(SIG_BLOCK, &stopSignals, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        creating.add(1, ordering: .sequentiallyConsistent)
        defer { creating.subtract(1, ordering: .sequentiallyConsistent) }
        guard !ending.load(ordering: .sequentiallyConsistent) else { return nil }
        let slot = register(path)
        let descriptor = open()
        if descriptor < 0 {
            let failure = errno
            unregister(slot)
            errno = failure
        }
        return (descriptor, slot)
    }

    /// Registers `path`; the slot to hand to ``unregister(_:)``, `nil` when it could not.
    private static func register(_ path: String) -> Int? {
        let bytes = Array(path.utf8)
        guard bytes.count < slotSize, !bytes.contains(0) else { return nil }
        prepare()
        var claimed = claimedSlots.load(ordering: .relaxed)
        while true {
            guard claimed != .max else { return nil }
            let slot = (~claimed).trailingZeroBitCount
            let (exchanged, original) = claimedSlots.compareExchange(
                expected: claimed, desired: claimed | (1 << UInt64(slot)), ordering: .acquiring)
            if exchanged {
                let target = storage + slot * slotSize
                bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { target.update(from: $0.baseAddress!, count: $0.count) }
                }
                target[bytes.count] = 0
                completeSlots.bitwiseOr(1 << UInt64(slot), ordering: .releasing)
                return slot
            }
            claimed = original
        }
    }

    /// Frees `slot` (the file was renamed into place or removed).
    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        completeSlots.bitwiseAnd(~(1 << UInt64(slot)), ordering: .releasing)
        claimedSlots.bitwiseAnd(~(1 << UInt64(slot)), ordering: .releasing)
    }

    /// Removes every registered file, once the files in progress are made (waiting at most a
    /// second): called from a signal handler, so only atomics, `nanosleep` and `unlink`.
    static func removeAll() {
        ending.store(true, ordering: .sequentiallyConsistent)
        var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
        for _ in 0..<1_000 where creating.load(ordering: .sequentiallyConsistent) > 0 {
            nanosleep(&pause, nil)
        }
        var complete = completeSlots.load(ordering: .acquiring)
        while complete != 0 {
            let slot = complete.trailingZeroBitCount
            unlink(storage + slot * slotSize)
            complete &= complete - 1
        }
    }
}

/// Whether the process is ending: no temporary file is begun any more.
private let ending = Atomic<Bool>(false)
/// Temporary files being registered and created right now.
private let creating = Atomic<Int>(0)
/// Slots a writer holds.
private let claimedSlots = Atomic<UInt64>(0)
/// Slots whose path is complete.
private let completeSlots = Atomic<UInt64>(0)
