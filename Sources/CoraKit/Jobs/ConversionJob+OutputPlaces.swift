import CoraCSV

/// The check of the output places before a conversion reads anything: one concept, apart from the
/// run itself.
extension ConversionJob {
    /// Refuses, before anything is read, an output that cannot be written where it is asked for:
    /// a file (`-o` of a one-file format, `--report`, `--rejects`) in a folder that does not exist
    /// or is no folder or cannot be written to, or that is itself a folder; a format that writes a
    /// folder (`--view each`, `--to archi`) under something that cannot hold it. Without this, a
    /// mistyped folder was found only once the whole input was read, checked and built.
    func checkOutputFolders(detector: InputDetector) throws(RunFailure) {
        let fileSystem = detector.fileSystem
        func refuse(_ path: String, _ why: String) -> RunFailure {
            RunFailure(.unwritableOutput, "cannot write: \(why); nothing was read", file: path,
                       hint: "choose a path in a folder that exists and can be written to")
        }
        /// The folder `path` is in, as the system finds it: `nod/../x.csv` is in `nod/..`, which
        /// does not exist when `nod` does not (the path is not folded as text).
        func folder(of path: String) -> String {
            var text = Substring(path)
            while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
            guard let slash = text.lastIndex(of: "/") else { return "." }
            return slash == text.startIndex ? "/" : String(text[..<slash])
        }
        func checkFolder(_ folder: String, of path: String) throws(RunFailure) {
            if fileSystem.status(of: folder) == nil {
                throw refuse(path, fileSystem.linkStatus(of: folder) != nil ? "\(folder) is a link to nothing" : "the folder \(folder) does not exist")
            }
            if !fileSystem.isDirectory(folder) { throw refuse(path, "\(folder) is not a folder") }
            if !fileSystem.isWritableDirectory(folder) { throw refuse(path, "the folder \(folder) cannot be written to") }
        }
        func checkFile(_ path: String) throws(RunFailure) {
            switch fileSystem.status(of: path)?.kind {
            case .directory?: throw refuse(path, "a folder, not a file")
            // A device, a FIFO or a socket (`-o /dev/null`) is written into as it is: its folder
            // need not take a new file.
            case .other?: return
            default: break
            }
            try checkFolder(folder(of: path), of: path)
        }
        if let format, let output, output != "-" {
            if format.writesFolder || options.view == .each {
                // The folder and its missing parents are made when written: the nearest that exists must take them.
                if let status = fileSystem.status(of: output) {
                    if status.kind != .directory { throw refuse(output, "--to \(format.name) writes its files into a folder, and this is a file") }
                    if !fileSystem.isWritableDirectory(output) { throw refuse(output, "the folder \(output) cannot be written to") }
                } else {
                    var nearest = output
                    while fileSystem.status(of: nearest) == nil, fileSystem.linkStatus(of: nearest) == nil, nearest != "/", nearest != "." {
                        nearest = folder(of: nearest)
                    }
                    if nearest != output || fileSystem.linkStatus(of: output) != nil { try checkFolder(nearest, of: output) }
                }
            } else {
                try checkFile(output)
            }
        }
        if let report { try checkFile(report.path) }
        if let rejects {
            // With several inputs the rejects files are `PATH-INPUTNAME`, beside or inside the path given.
            for path in RejectsRenderer.paths(rejects, for: filesRead(detector: detector).rejectsNames) { try checkFile(path) }
        }
    }
}
