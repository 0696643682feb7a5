#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the records of a ``CSVReader`` on a thread of its own, a few thousand records ahead of
/// the caller, so that parsing and whatever the caller does with the records run at the same time.
///
/// ```swift
/// let records = CSVReadAhead(try CSVReader(source: source))
/// while let record = try records.next() { … }
/// records.finish()
/// print(records.reader.linesRead)
/// ```
///
/// ``next()`` behaves as ``CSVReader/next()``: every record in order, then `nil`, or the error
/// that ended the read after every record before it. Call ``finish()`` before reading the
/// reader's ``CSVReader/warnings`` or ``CSVReader/linesRead``, and to stop early: it stops the
/// thread and waits for it. Memory stays bounded: the thread waits when the caller is more than
/// `depth` batches behind.
public final class CSVReadAhead: @unchecked Sendable {
    // Thread safety: `reader` is used only by the reading thread until `finish()` has joined it;
    // `queue`, `ended` and `stopping` only under `lock`; `current` and `position` only by the caller.

    /// The reader whose records are read ahead. Read its state only after ``finish()``.
    public let reader: CSVReader
    private let batchSize: Int
    private let depth: Int

    // Allocated, not stored properties: a mutex must not move, and `&property` does not promise an address.
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let queueChanged = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [[CSVRecord]] = []
    private var queueHead = 0
    private var ended: Result<Void, any Error>?
    private var stopping = false
    private var thread: pthread_t?

    private var current: [CSVRecord] = []
    private var position = 0
    /// Reading on the caller's thread (no thread could be started).
    private var readsDirectly = false
    /// ``finish()`` was called: nothing more is handed out than was taken.
    private var finished = false

    /// Starts reading `reader` on a new thread, in batches of `batchSize` records, at most `depth`
    /// batches ahead. When no thread can be started, ``next()`` reads on the caller's thread.
    public init(_ reader: CSVReader, batchSize: Int = 2048, depth: Int = 4) {
        self.reader = reader
        self.batchSize = max(1, batchSize)
        self.depth = max(1, depth)
        pthread_mutex_init(lock, nil)
        pthread_cond_init(queueChanged, nil)
        reader.handsRecordsToOtherThreads = true
        // Unretained: `deinit` stops and joins the thread before the object goes away.
        let context = Unmanaged.passUnretained(self).toOpaque()
        #if canImport(Darwin)
        var created: pthread_t?
        #else
        var created = pthread_t()
        #endif
        let status = pthread_create(&created, nil, { context in
            Unmanaged<CSVReadAhead>.fromOpaque(context!).takeUnretainedValue().readAll()
            return nil
        }, context)
        if status == 0 {
            thread = created
        } else {
            readsDirectly = true
            reader.handsRecordsToOtherThreads = false
        }
    }

    deinit {
        finish()
        pthread_cond_destroy(queueChanged)
        pthread_mutex_destroy(lock)
        queueChanged.deallocate()
        lock.deallocate()
    }

    /// The next record, or `nil` at the end of the input.
    ///
    /// - Throws: what ``CSVReader/next()`` threw, once every record before it was returned.
    public func next() throws -> CSVRecord? {
        if position < current.count {
            defer { position += 1 }
            return current[position]
        }
        guard !finished else { return nil }
        if readsDirectly { return try reader.next() }
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
            return current[0]
        }
        let outcome = ended
        pthread_mutex_unlock(lock)
        current = []
        position = 0
        try outcome?.get()
        return nil
    }

    /// Stops reading (if it has not ended) and waits for the thread. Afterwards the reader's state
    /// may be read; ``next()`` hands out what was read ahead and then ends.
    public func finish() {
        finished = true
        guard let thread else { return }
        pthread_mutex_lock(lock)
        stopping = true
        pthread_cond_broadcast(queueChanged)
        pthread_mutex_unlock(lock)
        pthread_join(thread, nil)
        self.thread = nil
        pthread_mutex_lock(lock)
        // What was read ahead and not taken is dropped; the caller stopped.
        queue.removeAll()
        queueHead = 0
        pthread_mutex_unlock(lock)
        current = []
        position = 0
    }

    /// The reading thread: batches of records into the queue until the end, an error, or `finish()`.
    private func readAll() {
        var batch: [CSVRecord] = []
        batch.reserveCapacity(batchSize)
        var outcome: Result<Void, any Error> = .success(())
        do {
            while let record = try reader.next() {
                batch.append(record)
                if batch.count == batchSize {
                    guard hand(batch) else { return }
                    batch = []
                    batch.reserveCapacity(batchSize)
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

    /// Puts a batch in the queue, waiting while it is full; `false` when the caller stopped.
    private func hand(_ batch: [CSVRecord]) -> Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while queue.count - queueHead >= depth && !stopping { pthread_cond_wait(queueChanged, lock) }
        guard !stopping else { return false }
        queue.append(batch)
        pthread_cond_broadcast(queueChanged)
        return true
    }
}
