/// Positions of rows by a text key (an id or a code), for the model builder: an open-addressing
/// table of 32-bit positions, hashed with FNV-1a over the key's UTF-8 bytes.
///
/// The keys themselves are not stored: they are the rows' own ids or codes, and the caller says
/// whether the row at a position has a given key. For a million rows this is 24 MB of integers (a
/// position and a hash per slot, two slots per key) and one cheap hash per look-up, where a
/// `[String: Int]` keeps a copy of every key and runs SipHash.
struct PositionIndex {
    /// Position + 1 per slot, 0 for an empty slot.
    private var slots: [Int32]
    /// The hash of each occupied slot's key: most other keys are passed by without comparing text,
    /// and the table grows without the keys.
    private var hashes: [UInt64]
    private var mask: Int
    /// The number of keys in the index.
    private(set) var count = 0

    /// An index with room for `capacity` keys before it grows.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        hashes = [UInt64](repeating: 0, count: size)
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
        let slot = find(hash: Self.hash(key), hasKey: hasKey)
        let stored = slots[slot]
        return stored == 0 ? nil : Int(stored) - 1
    }

    /// The position stored for the key whose hash is `hash`; `hasKey(position)` says whether the
    /// row at a position has the key.
    func position(hash: UInt64, hasKey: (Int) -> Bool) -> Int? {
        let stored = slots[find(hash: hash, hasKey: hasKey)]
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
        if slots[slot] != 0 {
            let existing = Int(slots[slot]) - 1
            if replace(existing) { slots[slot] = Int32(position + 1) }
            return existing
        }
        if (count + 1) * 2 > slots.count {
            grow()
            slot = find(hash: hash, hasKey: hasKey)
        }
        slots[slot] = Int32(position + 1)
        hashes[slot] = hash
        count += 1
        return nil
    }

    /// The slot of `key`, or the empty slot where it belongs.
    private func find(hash: UInt64, hasKey: (Int) -> Bool) -> Int {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 || (hashes[slot] == hash && hasKey(Int(stored) - 1)) { return slot }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the table, placing every position again by its stored hash.
    private mutating func grow() {
        let oldSlots = slots, oldHashes = hashes
        slots = [Int32](repeating: 0, count: oldSlots.count * 2)
        hashes = [UInt64](repeating: 0, count: oldSlots.count * 2)
        mask = slots.count - 1
        for (stored, hash) in zip(oldSlots, oldHashes) where stored != 0 {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = stored
            hashes[slot] = hash
        }
    }
}
