/// Positions of rows by a text key (an id or a code), for the model builder: an open-addressing
/// table of 32-bit positions, hashed with FNV-1a over the key's UTF-8 bytes.
///
/// The keys themselves are not stored: they are the rows' own ids or codes, and the caller says
/// whether the row at a position has a given key. For a million rows this is 16 MB of integers (a
/// position and 32 bits of its key's hash per slot, side by side so that a look-up reads one
/// place in memory; two slots per key) and one cheap hash per look-up, where a `[String: Int]`
/// keeps a copy of every key and runs SipHash.
struct PositionIndex {
    /// One slot: position + 1 (0 for an empty slot), and the low 32 bits of its key's hash, by
    /// which the slot is found and most other keys are passed by without comparing text (and the
    /// table grows without the keys).
    private struct Slot {
        var stored: Int32
        var hash: UInt32
    }

    private var slots: [Slot]
    private var mask: Int
    /// The number of keys in the index.
    private(set) var count = 0

    /// An index with room for `capacity` keys before it grows.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(stored: 0, hash: 0), count: size)
        mask = size - 1
    }

    /// The 64-bit FNV-1a hash of `key`'s UTF-8 bytes.
    static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { bytes in hash(bytes) }
    }

    /// The 64-bit FNV-1a hash of UTF-8 bytes, as ``hash(_:)-(String)`` hashes a string's.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        // FNV's low bits mix poorly for short keys that differ in their last byte: fold the high half in.
        return hash ^ (hash >> 29)
    }

    /// The position stored for `key`; `hasKey(position)` says whether the row at a position has
    /// `key` (`nil` when no row does).
    func position(of key: String, hasKey: (Int) -> Bool) -> Int? {
        let stored = slots[find(hash: Self.hash(key), hasKey: hasKey)].stored
        return stored == 0 ? nil : Int(stored) - 1
    }

    /// The position stored for the key whose hash is `hash`; `hasKey(position)` says whether the
    /// row at a position has the key.
    func position(hash: UInt64, hasKey: (Int) -> Bool) -> Int? {
        let stored = slots[find(hash: hash, hasKey: hasKey)].stored
        return stored == 0 ? nil : Int(stored) - 1
    }

    /// Stores `position` for `key`, replacing the position stored for it before when
    /// `replace(existing)` says so; returns the position stored before, if any.
    @discardableResult
    mutating func insert(_ key: String, position: Int, hasKey: (Int) -> Bool, replace: (Int) -> Bool = { _ in false }) -> Int? {
        insert(hash: Self.hash(key), position: position, hasKey: hasKey, replace: replace)
    }

    /// Stores `position` for the key whose hash is `hash`, as ``insert(_:position:hasKey:replace:)`` does.
    @discardableResult
    mutating func insert(hash: UInt64, position: Int, hasKey: (Int) -> Bool, replace: (Int) -> Bool = { _ in false }) -> Int? {
        var slot = find(hash: hash, hasKey: hasKey)
        if slots[slot].stored != 0 {
            let existing = Int(slots[slot].stored) - 1
            if replace(existing) { slots[slot].stored = Int32(position + 1) }
            return existing
        }
        if (count + 1) * 2 > slots.count {
            grow()
            slot = find(hash: hash, hasKey: hasKey)
        }
        slots[slot] = Slot(stored: Int32(position + 1), hash: UInt32(truncatingIfNeeded: hash))
        count += 1
        return nil
    }

    /// The slot of `key`, or the empty slot where it belongs.
    private func find(hash: UInt64, hasKey: (Int) -> Bool) -> Int {
        let low = UInt32(truncatingIfNeeded: hash)
        var slot = Int(low) & mask
        while true {
            let entry = slots[slot]
            if entry.stored == 0 || (entry.hash == low && hasKey(Int(entry.stored) - 1)) { return slot }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the table, placing every position again by its stored hash.
    private mutating func grow() {
        let oldSlots = slots
        slots = [Slot](repeating: Slot(stored: 0, hash: 0), count: oldSlots.count * 2)
        mask = slots.count - 1
        for entry in oldSlots where entry.stored != 0 {
            var slot = Int(entry.hash) & mask
            while slots[slot].stored != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
