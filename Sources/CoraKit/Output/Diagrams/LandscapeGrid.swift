/// How the boxes of a band are laid out in rows of one width: boxes of one chain or scenario stay
/// together in a row when they fit (under one heading), a row is never wider than ``columns``, and
/// every band of a diagram has the same number of columns, so that the bands are equally wide.
struct LandscapeGrid {
    /// One row of a band: its boxes, left to right.
    typealias Row = [DiagramBoxes.Box]

    /// Boxes side by side in every band.
    let columns: Int

    /// The rows of `boxes`: a run of boxes under one chain or scenario goes to a new row when it
    /// does not fit in what is left of the current one, so that its heading starts on the left (a
    /// run longer than a row fills rows of its own, the last perhaps shared with what follows).
    func rows(_ boxes: [DiagramBoxes.Box]) -> [Row] {
        var rows: [Row] = []
        var current: Row = []
        var start = 0
        while start < boxes.count {
            var end = start + 1
            if let group = boxes[start].group?.id {
                while end < boxes.count, boxes[end].group?.id == group { end += 1 }
            }
            var run = boxes[start..<end]
            if run.count > columns - current.count, !current.isEmpty, run.count > 1 {
                rows.append(current)
                current = []
            }
            while !run.isEmpty {
                let room = columns - current.count
                current += run.prefix(room)
                run = run.dropFirst(room)
                if current.count == columns {
                    rows.append(current)
                    current = []
                }
            }
            start = end
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    /// The number of columns that makes the picture closest to a landscape page (16:9), for bands
    /// of boxes `width` points wide with `gap` points between them, where `height` gives the
    /// height of a row of boxes (with a heading when one of them is in a chain or scenario).
    static func columns(for bands: [[DiagramBoxes.Box]], width: Double, gap: Double, overhead: Double,
                        height: (Row) -> Double) -> Int {
        let widest = bands.map(\.count).max() ?? 1
        guard widest > 1 else { return 1 }
        var best = (columns: 1, distance: Double.infinity)
        for columns in 1...min(widest, 96) {
            let grid = LandscapeGrid(columns: columns)
            var total = overhead
            for band in bands { total += 40 + grid.rows(band).map(height).reduce(0, +) }
            let across = Double(columns) * width + Double(columns - 1) * gap + 40
            // How many times too wide or too tall.
            let ratio = (across / total) / (16.0 / 9.0)
            let distance = max(ratio, 1 / ratio)
            if distance < best.distance - 1e-9 { best = (columns, distance) }
        }
        return best.columns
    }
}
