import CoraCSV
@testable import CoraKit
import Testing

/// The arena's room reserved up front: the pipeline reserves the text of the rows to come (from
/// the first rows and the input's size), and the arena adds what it writes beside that text, the
/// lengths and the ids cora makes once every row is read. Without that room a full arena was
/// copied into one twice its size: at 10,000,000 rows, 1.3 GB on top of the peak.
@Suite("The arena's reserved room")
struct ArenaReservationTests {
    @Test("rows whose ids are made from their names fit in the room reserved for their text: the arena is never copied")
    func roomBesideText() {
        let count = 5_000
        let processes = (0..<count).map { index in
            CoraProcess(id: "", code: "", name: "Behandelen aanvraag woningruil regio \(index)", level: .workProcess,
                        category: .primary, owner: "Teamleider Verhuur", description: "Omschrijving \(index)")
        }
        // The text of their fields, exactly: what the pipeline's estimate from the first rows is about.
        let text = processes.reduce(0) { $0 + $1.name.utf8.count + $1.owner.utf8.count + $1.description.utf8.count }
        var columns = ProcessColumns()
        columns.reserveCapacity(forMore: count, bytes: text)
        let reserved = columns.arena.capacity
        for process in processes { columns.append(process) }
        // As `assignIDs` does once all rows are read: an id made from the name.
        for position in 0..<count {
            columns.setID(ProcessIdentifier.derive(code: "", name: columns.name(at: position)) ?? "", at: position)
        }
        #expect(columns.id(at: 4_999) == "behandelen-aanvraag-woningruil-regio-4999")
        #expect(columns.arena.count > text + 40 * count)
        #expect(columns.arena.capacity == reserved)
    }
}
