import Dispatch

/// Draws DOT as SVG or PNG (Graphviz `dot`, run by the caller's side: the library runs no programs).
public protocol DiagramDrawing: Sendable {
    /// `dot` drawn in `format` (`svg`, `png`).
    func draw(_ dot: String, as format: String) throws(RunFailure) -> [UInt8]
}

extension DiagramDrawing {
    /// Each of `dots` drawn in `format`, up to `threads` at once (a `dot` each): the pictures in
    /// the order of `dots`, each with the failure of its drawing instead when it failed.
    public func drawEach(_ dots: [String], as format: String, threads: Int) -> [Result<[UInt8], RunFailure>] {
        let workers = max(1, min(threads, dots.count))
        let drawn = Locked([Result<[UInt8], RunFailure>?](repeating: nil, count: dots.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: dots.count, by: workers) {
                let result: Result<[UInt8], RunFailure>
                do throws(RunFailure) { result = .success(try draw(dots[index], as: format)) } catch { result = .failure(error) }
                drawn.withLock { $0[index] = result }
            }
        }
        return drawn.withLock { $0 }.map { $0 ?? .failure(RunFailure(.graphvizFailed, "the diagram was not drawn")) }
    }
}
