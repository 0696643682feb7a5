/// An ``OutputTarget`` on the user's files: a file (or standard output for `nil` and `-`), or a
/// folder for a format that writes several, made when missing. Every file is written atomically.
public struct FileOutputTarget: OutputTarget {
    /// The file or folder; `nil` or `-` for standard output.
    public let path: String?
    /// Where the files are written.
    public let fileSystem: any FileSystem
    /// The format, to say what it writes when its folder is a file.
    public let formatName: String?

    /// A target at `path` for `format`.
    public init(path: String?, fileSystem: any FileSystem, format: (any OutputFormat)? = nil) {
        self.path = path
        self.fileSystem = fileSystem
        self.formatName = format?.name
    }

    public mutating func write(_ name: String?, _ produce: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        guard let path, path != "-" else {
            try produce { bytes in
                do {
                    try fileSystem.writeStandardOutput(bytes)
                } catch let error as FileSystemError {
                    throw RunFailure(.unwritableOutput, "cannot write output: \(error.reason)")
                }
            }
            return
        }
        var file = path
        if let name {
            if let status = fileSystem.status(of: path) {
                guard status.kind == .directory else {
                    throw RunFailure(.unwritableOutput, "--to \(formatName ?? "this format") writes its files into a folder, and this is a file", file: path)
                }
            } else {
                // The folder and any of its parents that are missing.
                var missing: [String] = []
                var folder = path
                while fileSystem.status(of: folder) == nil, !folder.isEmpty, folder != "/", folder != ".", missing.count < 64 {
                    missing.append(folder)
                    folder = BatchPath.parent(folder)
                }
                for folder in missing.reversed() {
                    do {
                        try fileSystem.createDirectory(folder)
                    } catch {
                        throw RunFailure(.unwritableOutput, "cannot make the folder: \(error.reason)", file: folder)
                    }
                }
            }
            file = BatchPath.join(path, name)
        }
        do {
            try fileSystem.write(file, produce)
        } catch let error as FileSystemError {
            throw RunFailure(.unwritableOutput, "cannot write: \(error.reason)", file: file)
        }
    }
}
