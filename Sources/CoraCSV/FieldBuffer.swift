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

    mutating func append(_ elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress else { return }
        if count + elements.count > capacity { grow(to: count + elements.count) }
        (base + count).update(from: source, count: elements.count)
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

    private mutating func grow(to minimum: Int) {
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
