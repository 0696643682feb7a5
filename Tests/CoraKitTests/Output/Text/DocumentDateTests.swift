import CoraKit
import Foundation
import Testing

/// ``DocumentDate``: the day a moment falls on (in UTC), against GNU `date`, and the day as the
/// handbook's title page writes it.
@Suite("Document date: the day of a moment and its text")
struct DocumentDateTests {
    /// Seconds since 1970 around the days a calendar gets wrong: the epoch, days before it, the
    /// leap days of 2000 (a leap year of 400), 1900 and 2100 (no leap years: 100), 2024 and 1972,
    /// the first day of year 1 and the last second of year 9999; each with its neighbours.
    static let edges: [Int64] = {
        let days: [Int64] = [
            0, -1, 1, 59, 60, 365, 730, 789, 790,                    // 1970, 1972-02-29/03-01
            -25_508, -25_509, -25_567, -25_568,                       // 1900-03-01, 1900-02-28, 1900-01-01, 1899-12-31
            10_956, 10_957, 11_015, 11_016, 11_017, 11_322, 11_323,   // 1999-12-31, 2000-01-01, 02-28, 02-29, 03-01, 12-31, 2001-01-01
            19_781, 19_782, 19_783,                                   // 2024-02-28, 02-29, 03-01
            47_540, 47_541, 47_481,                                   // 2100-02-28, 2100-03-01, 2099-12-31
            -719_162, -718_798,                                       // 0001-01-01, 0001-12-31
            2_932_896,                                                // 9999-12-31
        ]
        let offsets: [Int64] = [0, -1, 1, 43_200, 86_399]
        var moments: [Int64] = []
        for day in days {
            for offset in offsets {
                let moment = day * 86_400 + offset
                if moment >= -62_135_596_800 && moment <= 253_402_300_799 { moments.append(moment) }
            }
        }
        return moments
    }()

    @Test("every moment from year 1 to 9999 (edges, 300 random ones, now) falls on the day GNU date gives")
    func againstGNUDate() throws {
        var rng = SplitMix64(seed: 18)
        let span = UInt64(253_402_300_799 + 62_135_596_800 + 1)
        var moments = Self.edges
        moments += (0..<300).map { _ in Int64(bitPattern: rng.next() % span) - 62_135_596_800 }
        // Near the epoch, where most documents are made.
        moments += (0..<100).map { _ in Int64(bitPattern: rng.next() % 4_000_000_000) - 1_000_000_000 }
        moments.append(Int64(Date().timeIntervalSince1970))
        // One `date` for all: each line of its input is a moment, each line of its output its day.
        let input = moments.map { "@\($0)" }.joined(separator: "\n") + "\n"
        let run = try ExternalTool.run("date", ["-u", "-f", "-", "+%Y %m %d"], input: Array(input.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let days = run.stdoutText.split(separator: "\n").map { $0.split(separator: " ").compactMap { Int($0) } }
        try #require(days.count == moments.count, "\(run.stdoutText.prefix(400))")
        for (moment, day) in zip(moments, days) {
            let date = DocumentDate(secondsSince1970: moment)
            #expect([date.year, date.month, date.day] == day, "@\(moment): \(date.iso), date says \(day)")
        }
    }

    @Test("named days: the epoch, the second before it, the leap days, and the last second of 9999")
    func namedDays() {
        #expect(DocumentDate(secondsSince1970: 0) == DocumentDate(year: 1970, month: 1, day: 1))
        #expect(DocumentDate(secondsSince1970: -1) == DocumentDate(year: 1969, month: 12, day: 31))
        #expect(DocumentDate(secondsSince1970: 951_782_400) == DocumentDate(year: 2000, month: 2, day: 29))
        #expect(DocumentDate(secondsSince1970: -2_203_891_200) == DocumentDate(year: 1900, month: 3, day: 1))
        #expect(DocumentDate(secondsSince1970: -2_203_891_201) == DocumentDate(year: 1900, month: 2, day: 28))
        #expect(DocumentDate(secondsSince1970: 4_107_542_399) == DocumentDate(year: 2100, month: 2, day: 28))
        #expect(DocumentDate(secondsSince1970: 4_107_542_400) == DocumentDate(year: 2100, month: 3, day: 1))
        #expect(DocumentDate(secondsSince1970: 253_402_300_799) == DocumentDate(year: 9999, month: 12, day: 31))
        #expect(DocumentDate(secondsSince1970: -62_135_596_800) == DocumentDate(year: 1, month: 1, day: 1))
    }

    @Test("the text: day, month name and year in Dutch and English; the ISO form padded; a month out of range as ISO")
    func texts() {
        let dutch = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
        let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        for month in 1...12 {
            let date = DocumentDate(year: 2026, month: month, day: 4)
            #expect(date.text(in: .nl) == "4 \(dutch[month - 1]) 2026")
            #expect(date.text(in: .en) == "4 \(english[month - 1]) 2026")
        }
        #expect(DocumentDate(year: 2026, month: 12, day: 4).iso == "2026-12-04")
        #expect(DocumentDate(year: 2000, month: 2, day: 29).text(in: .nl) == "29 februari 2000")
        #expect(DocumentDate(year: 5, month: 1, day: 1).iso == "0005-01-01")
        #expect(DocumentDate(year: 5, month: 1, day: 1).text(in: .en) == "1 January 5")
        #expect(DocumentDate(year: 9999, month: 12, day: 31).iso == "9999-12-31")
        #expect(DocumentDate(year: 2026, month: 13, day: 4).text(in: .nl) == "2026-13-04")
        #expect(DocumentDate(year: 2026, month: 0, day: 4).text(in: .en) == "2026-00-04")
    }
}
