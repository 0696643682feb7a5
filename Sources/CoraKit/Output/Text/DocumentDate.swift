import CoraXLSX

/// The day a document was made, as its title page shows it ("4 december 2026"). The library reads
/// no clock: the command line gives the date (or `SOURCE_DATE_EPOCH`, for outputs that must come
/// out the same on every run).
public struct DocumentDate: Sendable, Equatable {
    /// The year.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month, 1–31.
    public var day: Int

    /// The date `year`-`month`-`day`.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day (in UTC) that `seconds` after 1 January 1970 00:00 UTC falls on.
    public init(secondsSince1970 seconds: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        (year, month, day) = CivilCalendar.date(daysFrom1970: Int(days))
    }

    /// "4 december 2026" in Dutch, "4 December 2026" in English.
    public func text(in language: DocumentLanguage) -> String {
        let names = language == .nl
            ? ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        guard (1...12).contains(month) else { return iso }
        return "\(day) \(names[month - 1]) \(year)"
    }

    /// "2026-12-04", for the machine-readable `datetime` of the document.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
