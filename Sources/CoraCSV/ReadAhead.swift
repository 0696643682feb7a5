#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a producer on a thread of its own, a few thousand elements ahead of the caller: the
/// records of a ``CSVReader``, or whatever a later stage makes of them, so that reading and what
/// the caller does with the elements run at the same time.
///
/// ```swift
/// let reader = try CSVReader(source: source)
/// let records = ReadAhead(reader)
/// while let record = try records.next() { … }
/// records.finish()
/// print(reader.linesRead)
/// ```
///
/// ``next()`` behaves as the producer: every element in order, then `nil`, or the error that ended
/// the production after every element before it. Call ``finish()`` before touching what the
/// producer uses (a reader's ``CSVReader/warnings`` or ``CSVReader/linesRead``), and to stop early:
/// it stops the thread and waits for it. Memory stays bounded: the thread waits when the caller is
/// more than `depth` batches behind.
public final class ReadAhead<Element>: @unchecked Sendable {
    // Thread safety: `produce` (and all it uses) runs only on the thread until `finish()` has
    // joined it; `queue`, `ended` and `stopping` only under `lock`; `current` and `position` only
    // by the caller. Elements cross from the thread to the caller through the locked queue.

    /// Produces the next element and adds what it weighs (its bytes) to the count it is given.
    private let produce: (inout Int) throws -> Element?
    private let batchSize: Int
    private let depth: Int
    /// The most a batch weighs before it is handed over: rows of a few hundred kilobytes each must
    /// not queue by the thousand.
    private let batchWeight: Int

    // Allocated, not stored properties: a mutex must not move, and `&property` does not promise an address.
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let queueChanged = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Batches of optionals, so that an element is moved out of its batch (`take()`), not copied:
    // copying a row of many references would retain each of them on one thread and release it on another.
    private var queue: [[Element?]] = []
    private var queueHead = 0
    private var ended: Result<Void, any Error>?
    private var stopping = false
    private var thread: PosixThread?

    private var current: [Element?] = []
    private var position = 0
    /// Reading on the caller's thread (no thread could be started).
    private var readsDirectly = false
    /// ``finish()`` was called: nothing more is handed out than was taken.
    private var finished = false

    /// Starts calling `produce` on a new thread until it returns `nil` or throws, handing its
    /// elements over in batches of `batchSize`, at most `depth` batches ahead. When no thread can
    /// be started, ``next()`` calls `produce` on the caller's thread.
    public convenience init(batchSize: Int = 2048, depth: Int = 4, produce: @escaping () throws -> Element?) {
        self.init(batchSize: batchSize, depth: depth, weighing: { _ in try produce() })
    }

    /// As ``init(batchSize:depth:produce:)``, where `produce` also adds what each element weighs
    /// (its bytes) to the count it is given: a batch is then handed over as soon as its elements
    /// weigh `batchWeight` together, so that what waits in the queue stays near `depth` ×
    /// `batchWeight` however large the elements are. (Weighed by the producer, not here: a generic
    /// element handed to a function here would be copied.)
    public init(batchSize: Int = 2048, depth: Int = 4, batchWeight: Int = 4 << 20,
                weighing produce: @escaping (inout Int) throws -> Element?) {
        self.produce = produce
        self.batchSize = max(1, batchSize)
        self.depth = max(1, depth)
        self.batchWeight = max(1, batchWeight)
        pthread_mutex_init(lock, nil)
        pthread_cond_init(queueChanged, nil)
        start()
    }

    private func start() {
        // Not a strong reference, or the object would live as long as its thread: `deinit` stops
        // and joins the thread before the memory goes away. Unchecked, because a checked unowned
        // reference traps once `deinit` has begun, while the thread may still be handing over.
        thread = PosixThread { [unowned(unsafe) self] in readAll() }
        readsDirectly = thread == nil
    }

    deinit {
        finish()
        pthread_cond_destroy(queueChanged)
        pthread_mutex_destroy(lock)
        queueChanged.deallocate()
        lock.deallocate()
    }

    /// The next element, or `nil` at the end.
    ///
    /// - Throws: what the producer threw, once every element before it was returned.
    public func next() throws -> Element? {
        if position < current.count {
            defer { position += 1 }
            return current[position].take()
        }
        guard !finished else { return nil }
        if readsDirectly {
            var weight = 0
            return try produce(&weight)
        }
        pthread_mutex_lock(lock)
        while queueHead == queue.count && ended == nil { pthread_cond_wait(queueChanged, lock) }
        if queueHead < queue.count {
            current = queue[queueHead]
            queue[queueHead] = []
            queueHead += 1
            if queueHead == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueHead = 0
            }
            pthread_cond_broadcast(queueChanged)
            pthread_mutex_unlock(lock)
            position = 1
            return current[0].take()
        }
        let outcome = ended
        pthread_mutex_unlock(lock)
        current = []
        position = 0
        try outcome?.get()
        return nil
    }

    /// Stops the producer (if it has not ended) and waits for the thread. Afterwards what the
    /// producer uses may be touched again; ``next()`` returns `nil`.
    public func finish() {
        _ = stop()
    }

    /// Stops the producer as ``finish()`` does and returns, in order, every element it produced
    /// that ``next()`` did not hand out: what a caller that stops early still owes to someone (the
    /// rows after a `--max-errors` stop, for the rejects file). The producer's next element after
    /// these is the one it would produce next.
    public func finishTakingRest() -> [Element] {
        var rest: [Element] = []
        for batch in stop() {
            for index in batch.indices { if let element = batch[index] { rest.append(element) } }
        }
        return rest
    }

    /// Stops and joins the thread; returns the batches not handed out, the current one first.
    private func stop() -> [[Element?]] {
        finished = true
        var untaken: [[Element?]] = []
        if position < current.count { untaken.append(Array(current[position...])) }
        current = []
        position = 0
        guard let thread else { return untaken }
        pthread_mutex_lock(lock)
        stopping = true
        pthread_cond_broadcast(queueChanged)
        pthread_mutex_unlock(lock)
        thread.join()
        self.thread = nil
        pthread_mutex_lock(lock)
        untaken += queue[queueHead...]
        queue.removeAll()
        queueHead = 0
        pthread_mutex_unlock(lock)
        return untaken
    }

    /// The thread: batches of elements into the queue until the end, an error, or `finish()`.
    private func readAll() {
        var batch: [Element?] = []
        batch.reserveCapacity(batchSize)
        var weight = 0
        var outcome: Result<Void, any Error> = .success(())
        do {
            while true {
                let element = try produce(&weight)
                guard element != nil else { break }
                batch.append(consume element)
                if batch.count == batchSize || weight >= batchWeight {
                    guard hand(batch) else { return }
                    batch = []
                    batch.reserveCapacity(batchSize)
                    weight = 0
                }
            }
        } catch {
            outcome = .failure(error)
        }
        if !batch.isEmpty { guard hand(batch) else { return } }
        pthread_mutex_lock(lock)
        ended = outcome
        pthread_cond_broadcast(queueChanged)
        pthread_mutex_unlock(lock)
    }

    /// Puts a batch in the queue, waiting while it is full; `false` when the caller stopped (the
    /// batch is queued all the same: ``finishTakingRest()`` returns it).
    private func hand(_ batch: [Element?]) -> Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while queue.count - queueHead >= depth && !stopping { pthread_cond_wait(queueChanged, lock) }
        queue.append(batch)
        guard !stopping else { return false }
        pthread_cond_broadcast(queueChanged)
        return true
    }
}

extension ReadAhead where Element == CSVRecord {
    /// Reads the records of `reader` ahead, on a thread of its own. Read the reader's state only
    /// after ``finish()``.
    public convenience init(_ reader: CSVReader, batchSize: Int = 2048, depth: Int = 4) {
        reader.handsRecordsToOtherThreads = true
        self.init(batchSize: batchSize, depth: depth) { weight in
            let record = try reader.next()
            weight += record?.byteCount ?? 0
            return record
        }
    }
}

/// A POSIX thread running a closure (the Swift runtime's own threads are for its concurrency).
final class PosixThread {
    private let body: () -> Void
    #if canImport(Darwin)
    private var thread: pthread_t?
    #else
    private var thread = pthread_t()
    #endif

    /// Starts `body` on a new thread; `nil` when the system refuses one.
    init?(_ body: @escaping () -> Void) {
        self.body = body
        // The thread holds a reference of its own until `body` returns.
        let context = Unmanaged.passRetained(self).toOpaque()
        let status = pthread_create(&thread, nil, { context in
            let started = Unmanaged<PosixThread>.fromOpaque(context!).takeRetainedValue()
            started.body()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<PosixThread>.fromOpaque(context).release()
            return nil
        }
    }

    /// Waits until the thread has ended.
    func join() {
        #if canImport(Darwin)
        if let thread { pthread_join(thread, nil) }
        #else
        pthread_join(thread, nil)
        #endif
    }
}
