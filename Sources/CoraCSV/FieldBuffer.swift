/// A growable buffer of trivial values with manual memory management, for the reader's hot path:
/// appending costs a bounds check and a copy, without the uniqueness checks of `Array`.
///
/// The owner must call ``release()`` exactly once.
struct FieldBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements.
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        self.base = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    }

    /// The elements, valid until the next mutation.
    var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The elements, copied into an array.
    var array: [Element] { Array(buffer) }

    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = element
        count += 1
    }

    @inline(__always)
    mutating func append(_ elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress else { return }
        if count + elements.count > capacity { grow(to: count + elements.count) }
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: elements.count * MemoryLayout<Element>.stride)
        count += elements.count
    }

    mutating func removeAll() { count = 0 }

    /// Removes the first `n` elements, moving the rest to the front.
    mutating func removeFirst(_ n: Int) {
        guard n > 0 else { return }
        let remaining = count - n
        if remaining > 0 { base.update(from: base + n, count: remaining) }
        count = remaining
    }

    mutating func release() {
        base.deallocate()
        capacity = 0
        count = 0
    }

    @inline(never)
    mutating func grow(to minimum: Int) {
        var newCapacity = max(capacity * 2, 16)
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

extension FieldBuffer where Element == Int {
    /// Removes the first `n` offsets and adds `delta` to the others.
    mutating func removeFirst(_ n: Int, adjustingBy delta: Int) {
        removeFirst(n)
        for index in 0..<count { base[index] += delta }
    }
}

extension FieldBuffer where Element == UInt8 {
    /// Appends bytes; short runs (most fields) are copied with two overlapping 8-byte moves instead
    /// of a call into `memcpy`.
    @inline(__always)
    mutating func appendBytes(_ source: UnsafePointer<UInt8>, count length: Int) {
        // Keep 16 bytes of slack so the overlapping moves never write past the allocation.
        if count + length + 16 > capacity { grow(to: count + length + 16) }
        let destination = UnsafeMutableRawPointer(base + count)
        let from = UnsafeRawPointer(source)
        if length >= 8 && length <= 16 {
            destination.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (destination + length - 8).storeBytes(of: (from + length - 8).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else if length < 8 {
            for offset in 0..<length { destination.storeBytes(of: source[offset], toByteOffset: offset, as: UInt8.self) }
        } else {
            destination.copyMemory(from: from, byteCount: length)
        }
        count += length
    }
}
