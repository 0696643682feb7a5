/// How a number cell is shown, from its style's number format.
enum NumberDisplay: Equatable {
    /// General: the shortest decimal, without exponent.
    case general
    /// A fixed number of decimals (`0.00`): at least `minimumDecimals`, at most `maximumDecimals`
    /// (`#` digits), the integer part padded to `integerDigits` zeros; `percent` multiplies by 100.
    case fixed(integerDigits: Int, minimumDecimals: Int, maximumDecimals: Int, percent: Bool)
    /// A date, with its time when `time` (and seconds when `seconds`).
    case date(time: Bool, seconds: Bool)
    /// A time of day only.
    case time(seconds: Bool)
}

/// The number formats of the workbook's cell styles (`xl/styles.xml`): `cellXfs/xf@numFmtId` by
/// the style index a cell names in `s`, and the custom `numFmts/numFmt@formatCode`.
struct CellStyles {
    /// How each style index shows numbers.
    private(set) var displays: [NumberDisplay] = []

    /// No styles: every number in general format.
    init() {}

    /// The styles of `bytes`.
    init(_ bytes: PartBytes, part: String) throws(WorkbookError) {
        let reader = try XMLPullReader(bytes: bytes, part: part)
        var customFormats: [Int: String] = [:]
        var inCellXfs = false
        while try reader.read() {
            switch reader.kind {
            case .element where reader.isNamed("numFmt", in: OOXMLNamespace.spreadsheet):
                let attributes = try reader.attributes()
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                    customFormats[id] = code
                }
            case .element where reader.isNamed("cellXfs", in: OOXMLNamespace.spreadsheet):
                inCellXfs = !reader.isEmptyElement
            case .endElement where reader.isNamed("cellXfs", in: OOXMLNamespace.spreadsheet):
                inCellXfs = false
            case .element where inCellXfs && reader.isNamed("xf", in: OOXMLNamespace.spreadsheet):
                let id = try reader.attributes()["numFmtId"].flatMap { Int($0) } ?? 0
                displays.append(CellStyles.display(id: id, code: customFormats[id]))
            default:
                continue
            }
        }
    }

    /// How style `index` shows numbers (general for an unknown style).
    func display(_ index: Int) -> NumberDisplay {
        index >= 0 && index < displays.count ? displays[index] : .general
    }

    /// How number format `id` (with `code` when custom) shows numbers.
    static func display(id: Int, code: String?) -> NumberDisplay {
        switch id {
        case 1: return .fixed(integerDigits: 1, minimumDecimals: 0, maximumDecimals: 0, percent: false)
        case 2: return .fixed(integerDigits: 1, minimumDecimals: 2, maximumDecimals: 2, percent: false)
        case 3: return .fixed(integerDigits: 1, minimumDecimals: 0, maximumDecimals: 0, percent: false)
        case 4: return .fixed(integerDigits: 1, minimumDecimals: 2, maximumDecimals: 2, percent: false)
        case 9: return .fixed(integerDigits: 1, minimumDecimals: 0, maximumDecimals: 0, percent: true)
        case 10: return .fixed(integerDigits: 1, minimumDecimals: 2, maximumDecimals: 2, percent: true)
        case 14...17, 27...36, 50...58: return .date(time: false, seconds: false)
        case 22: return .date(time: true, seconds: false)
        case 18, 20: return .time(seconds: false)
        case 19, 21, 45...47: return .time(seconds: true)
        default: break
        }
        guard let code else { return .general }
        return display(code: code)
    }

    /// How a custom format code shows numbers (its first section).
    static func display(code: String) -> NumberDisplay {
        // What is left of the first section once quoted text, [colours]/[conditions], escaped
        // characters and fill/space characters are taken out.
        var bare: [Character] = []
        var iterator = code.makeIterator()
        var elapsedHours = false
        loop: while let character = iterator.next() {
            switch character {
            case ";": break loop
            case "\"": while let next = iterator.next(), next != "\"" {}
            case "[":
                var inside = ""
                while let next = iterator.next(), next != "]" { inside.append(next) }
                let lowered = inside.lowercased()
                if !lowered.isEmpty, lowered.allSatisfy({ "hms".contains($0) }) {
                    elapsedHours = true
                    bare.append(contentsOf: lowered)
                }
            case "\\", "_", "*": _ = iterator.next()
            default: bare.append(Character(character.lowercased()))
            }
        }
        let hasDate = bare.contains("d") || bare.contains("y")
        let hasTime = bare.contains("h") || bare.contains("s") || elapsedHours
        let hasSeconds = bare.contains("s")
        if hasDate { return .date(time: hasTime, seconds: hasSeconds) }
        if hasTime { return .time(seconds: hasSeconds) }
        var percent = false
        var digits = bare.filter { $0 != "," && $0 != " " }
        if digits.last == "%" {
            percent = true
            digits.removeLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0 == "0" || $0 == "#" || $0 == "." }),
              digits.filter({ $0 == "." }).count <= 1 else { return .general }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let integer = parts[0]
        let decimals = parts.count > 1 ? parts[1] : []
        return .fixed(integerDigits: integer.filter { $0 == "0" }.count,
                      minimumDecimals: decimals.prefix { $0 == "0" }.count,
                      maximumDecimals: decimals.count, percent: percent)
    }
}
