/// Draws DOT as SVG or PNG (Graphviz `dot`, run by the caller's side: the library runs no programs).
public protocol DiagramDrawing: Sendable {
    /// `dot` drawn in `format` (`svg`, `png`).
    func draw(_ dot: String, as format: String) throws(RunFailure) -> [UInt8]
}
