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
    }

    /// Registers `path`; the slot to hand to ``unregister(_:)``, `nil` when it could not.
    static func register(_ path: String) -> Int? {
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

    /// Removes every registered file: called from a signal handler, so only `unlink`.
    static func removeAll() {
        var complete = completeSlots.load(ordering: .acquiring)
        while complete != 0 {
            let slot = complete.trailingZeroBitCount
            unlink(storage + slot * slotSize)
            complete &= complete - 1
        }
    }
}

/// Slots a writer holds.
private let claimedSlots = Atomic<UInt64>(0)
/// Slots whose path is complete.
private let completeSlots = Atomic<UInt64>(0)
