/// The processes of a model, in the order of the input: a random-access collection of
/// ``CoraProcess``.
///
/// A model the pipeline builds keeps its processes in columns (``ProcessColumns``: one byte arena
/// for their text, plain arrays for the typed fields) and makes a ``CoraProcess`` each time one is
/// read; a list made from processes (an array literal, `append`) keeps them as they are. Changing a
/// process of a list in columns first turns the whole list into processes, so that code that
/// edits a model works as on an array.
public struct ProcessList: RandomAccessCollection, MutableCollection, RangeReplaceableCollection, ExpressibleByArrayLiteral,
    Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible
{
    enum Storage: Sendable {
        /// Processes as values.
        case values([CoraProcess])
        /// Processes in columns; `selection` the positions in them that are in the list, in order
        /// (`nil`: all of them).
        case columns(ProcessColumns, selection: [Int32]?)
    }

    private(set) var storage: Storage

    /// An empty list.
    public init() { storage = .values([]) }

    /// A list of `processes`.
    public init(_ processes: [CoraProcess]) { storage = .values(processes) }

    /// A list of `processes`.
    public init<S: Sequence>(_ processes: S) where S.Element == CoraProcess { storage = .values(Array(processes)) }

    /// A list of the processes in `columns` (those at `selection`, in its order, when given).
    init(columns: ProcessColumns, selection: [Int32]? = nil) { storage = .columns(columns, selection: selection) }

    /// A list of the processes written out.
    public init(arrayLiteral processes: CoraProcess...) { storage = .values(processes) }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .values(let processes): return processes.count
        case .columns(let columns, let selection): return selection?.count ?? columns.count
        }
    }

    public subscript(position: Int) -> CoraProcess {
        // Lent, not copied, when the processes are values: reading one field of a process costs
        // no reference count for each of its other fields.
        _read {
            switch storage {
            case .values(let processes): yield processes[position]
            case .columns(let columns, let selection): yield columns.process(at: selection.map { Int($0[position]) } ?? position)
            }
        }
        set {
            makeValues()
            guard case .values(var processes) = storage else { return }
            storage = .values([])
            processes[position] = newValue
            storage = .values(processes)
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == CoraProcess {
        makeValues()
        guard case .values(var processes) = storage else { return }
        storage = .values([])
        processes.replaceSubrange(subrange, with: newElements)
        storage = .values(processes)
    }

    public mutating func reserveCapacity(_ n: Int) {
        guard case .values(var processes) = storage else { return }
        storage = .values([])
        processes.reserveCapacity(n)
        storage = .values(processes)
    }

    /// The processes as an array.
    public var array: [CoraProcess] {
        if case .values(let processes) = storage { return processes }
        return Array(self)
    }

    /// The columns and the positions in them, when the list is kept in columns.
    var columns: (columns: ProcessColumns, selection: [Int32]?)? {
        if case .columns(let columns, let selection) = storage { return (columns, selection) }
        return nil
    }

    /// Turns a list in columns into processes, before one is changed.
    private mutating func makeValues() {
        guard case .columns = storage else { return }
        storage = .values(Array(self))
    }

    public static func == (lhs: ProcessList, rhs: ProcessList) -> Bool {
        if case .values(let left) = lhs.storage, case .values(let right) = rhs.storage { return left == right }
        return lhs.elementsEqual(rhs)
    }

    /// Whether the processes are `processes`.
    public static func == (lhs: ProcessList, rhs: [CoraProcess]) -> Bool { lhs.elementsEqual(rhs) }

    /// Whether `processes` are the processes of `list`.
    public static func == (lhs: [CoraProcess], rhs: ProcessList) -> Bool { rhs.elementsEqual(lhs) }

    public var description: String { array.description }

    public var debugDescription: String { array.debugDescription }
}
