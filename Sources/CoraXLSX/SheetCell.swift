/// One cell of a sheet as Excel shows it: its text, and what kind of value the workbook holds.
public struct SheetCell: Sendable, Equatable {
    /// What the workbook holds.
    public enum Kind: String, Sendable, Equatable {
        /// Text (shared, inline, or the text result of a formula).
        case text
        /// A number, shown as in the cell: in general format its shortest decimal form without
        /// exponent (`1230000000000000000`, not `1.23E+18`); with a fixed number of decimals
        /// (`0.00`) padded (`1.10`).
        case number
        /// A logical value, `TRUE` or `FALSE`.
        case boolean
        /// A number formatted as a date or time, shown `d-m-yyyy`, `d-m-yyyy h:mm` or `h:mm`.
        case date
        /// An error value such as `#N/A` or `#DIV/0!`.
        case error
    }

    /// The text the cell shows (for a formula, that of its cached result).
    public var text: String
    /// What the workbook holds.
    public var kind: Kind

    /// Creates a cell.
    public init(_ text: String, _ kind: Kind = .text) {
        self.text = text
        self.kind = kind
    }
}

/// One row of a sheet that has at least one value.
public struct SheetRow: Sendable, Equatable {
    /// The row's number in the sheet (1-based), as Excel numbers it.
    public var number: Int
    /// The cells from column A on (index 0 is column A); `nil` is an empty cell. Empty cells at
    /// the end are left off. A merged range gives its value to every cell it covers.
    public var cells: [SheetCell?]
    /// Whether the row is hidden (it is read all the same).
    public var isHidden: Bool

    /// Creates a row.
    public init(number: Int, cells: [SheetCell?], isHidden: Bool = false) {
        self.number = number
        self.cells = cells
        self.isHidden = isHidden
    }
}

/// Something about a cell worth saying that did not stop the reading: a formula without a cached
/// value, text decoded from a malformed escape.
public struct SheetWarning: Sendable, Equatable {
    /// The row (1-based).
    public var row: Int
    /// The column (1-based: A is 1).
    public var column: Int
    /// A sentence for people.
    public var message: String

    /// Creates a warning.
    public init(row: Int, column: Int, message: String) {
        self.row = row
        self.column = column
        self.message = message
    }
}

/// Column letters: A is column 1, Z 26, AA 27, XFD 16,384.
public enum ColumnName {
    /// The letters of column `number` (1-based).
    public static func letters(_ number: Int) -> String {
        var number = max(number, 1)
        var letters: [Character] = []
        while number > 0 {
            number -= 1
            letters.append(Character(Unicode.Scalar(UInt8(65 + number % 26))))
            number /= 26
        }
        return String(letters.reversed())
    }

    /// A cell reference such as `C14`: column `column` (1-based), row `row`.
    public static func cell(column: Int, row: Int) -> String { letters(column) + String(row) }
}
