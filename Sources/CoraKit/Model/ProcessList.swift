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
    /// The processes as values (empty while the list is kept in columns).
    private var values: [CoraProcess] = []
    /// The processes in columns, when the list is kept so; `selection` the positions in them that
    /// are in the list, in order (`nil`: all of them). Kept as an optional beside the values rather
    /// than as an enum of the two: a case of an enum can be stored in the spare bits of a pointer,
    /// which leak checkers then do not see as a pointer.
    private var columnStore: ProcessColumns?
    private var selection: [Int32]?

    /// An empty list.
    public init() {}

    /// A list of `processes`.
    public init(_ processes: [CoraProcess]) { values = processes }

    /// A list of `processes`.
    public init<S: Sequence>(_ processes: S) where S.Element == CoraProcess { values = Array(processes) }

    /// A list of the processes in `columns` (those at `selection`, in its order, when given).
    init(columns: ProcessColumns, selection: [Int32]? = nil) {
        columnStore = columns
        self.selection = selection
    }

    /// A list of the processes written out.
    public init(arrayLiteral processes: CoraProcess...) { values = processes }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        guard let columnStore else { return values.count }
        return selection?.count ?? columnStore.count
    }

    public subscript(position: Int) -> CoraProcess {
        // Lent, not copied, when the processes are values: reading one field of a process costs
        // no reference count for each of its other fields.
        _read {
            if let columnStore {
                yield columnStore.process(at: selection.map { Int($0[position]) } ?? position)
            } else {
                yield values[position]
            }
        }
        set {
            makeValues()
            values[position] = newValue
        }
    }

    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == CoraProcess {
        makeValues()
        values.replaceSubrange(subrange, with: newElements)
    }

    public mutating func reserveCapacity(_ n: Int) {
        if columnStore == nil { values.reserveCapacity(n) }
    }

    /// The processes as an array.
    public var array: [CoraProcess] {
        columnStore == nil ? values : Array(self)
    }

    /// The columns and the positions in them, when the list is kept in columns.
    var columns: (columns: ProcessColumns, selection: [Int32]?)? {
        columnStore.map { ($0, selection) }
    }

    /// Turns a list in columns into processes, before one is changed.
    private mutating func makeValues() {
        guard columnStore != nil else { return }
        values = Array(self)
        columnStore = nil
        selection = nil
    }

    public static func == (lhs: ProcessList, rhs: ProcessList) -> Bool {
        if lhs.columnStore == nil && rhs.columnStore == nil { return lhs.values == rhs.values }
        return lhs.elementsEqual(rhs)
    }

    /// Whether the processes are `processes`.
    public static func == (lhs: ProcessList, rhs: [CoraProcess]) -> Bool { lhs.elementsEqual(rhs) }

    /// Whether `processes` are the processes of `list`.
    public static func == (lhs: [CoraProcess], rhs: ProcessList) -> Bool { rhs.elementsEqual(lhs) }

    public var description: String { array.description }

    public var debugDescription: String { array.debugDescription }
}
