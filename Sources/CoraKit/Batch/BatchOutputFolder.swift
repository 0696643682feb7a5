/// The output folder of `cora batch`: every write goes through here, atomically, only inside the
/// folder, and (unless forced) only when the bytes differ from what is already there.
public struct BatchOutputFolder: Sendable {
    /// The folder as named on the command line (for messages).
    public let name: String
    /// The folder with every link resolved: outputs must resolve to paths inside it.
    public let realPath: String
    private let fileSystem: any FileSystem

    /// Why an output was not written: the output (as the user sees its path) and what happened.
    public enum WriteError: Error, CustomStringConvertible {
        /// The output would land outside the folder (a link inside it points out).
        case escapes(path: String, reason: String)
        /// The system refused (no space, no permission, …).
        case failed(path: String, reason: String)
        /// A file is there that `cora` did not write (the manifest does not know it): not replaced.
        case notOwned(path: String)

        public var description: String {
            switch self {
            case .escapes(let path, let reason), .failed(let path, let reason): return "\(path): \(reason)"
            case .notOwned(let path): return "\(path): a file that cora did not write is there; not replaced (move it away, or pass --force)"
            }
        }

        /// The failure that ends the run.
        public var failure: RunFailure {
            switch self {
            case .escapes(let path, let reason): return RunFailure(.unsafeOutput, reason, file: path)
            case .failed(let path, let reason): return RunFailure(.unwritableOutput, reason, file: path)
            case .notOwned: return RunFailure(.outputConflict, description)
            }
        }
    }

    /// Creates the folder (and its parents) if needed and checks that it can be written.
    public init(creating path: String, in fileSystem: any FileSystem) throws(RunFailure) {
        name = path
        self.fileSystem = fileSystem
        if fileSystem.status(of: path) == nil {
            var built = path.hasPrefix("/") ? "/" : ""
            for part in BatchPath.components(path) {
                built = built.isEmpty || built == "/" ? built + part : built + "/" + part
                do {
                    try fileSystem.createDirectory(built)
                } catch {
                    throw RunFailure(.unwritableOutput, "cannot create the output folder: \(error.reason)", file: path)
                }
            }
        }
        guard fileSystem.isDirectory(path) else {
            throw RunFailure(.unwritableOutput, "--out must name a folder, and this is not one", file: path)
        }
        guard fileSystem.isWritableDirectory(path) else {
            throw RunFailure(.unwritableOutput, "cannot write in the output folder", file: path)
        }
        guard let resolved = fileSystem.realPath(path) else {
            throw RunFailure(.unwritableOutput, "cannot resolve the output folder", file: path)
        }
        realPath = resolved
    }

    /// The absolute path of `relative` inside the folder (links not resolved).
    public func absolute(_ relative: String) -> String {
        BatchPath.join(realPath, relative)
    }

    /// Where writing `relative` would really put it: the folder part with its links resolved (as
    /// far as it exists), then the name. A link as the last component is not followed: renaming
    /// onto it replaces the link.
    public func resolvedTarget(of relative: String) -> String {
        let path = absolute(relative)
        var existing = BatchPath.parent(path)
        var rest: [String] = [BatchPath.lastComponent(path)]
        while fileSystem.realPath(existing) == nil && existing != "/" {
            rest.insert(BatchPath.lastComponent(existing), at: 0)
            existing = BatchPath.parent(existing)
        }
        return BatchPath.normalize(([fileSystem.realPath(existing) ?? existing] + rest).joined(separator: "/"))
    }

    /// The size of the regular file (not a link) at `relative`, if there is one.
    public func size(of relative: String) -> Int? {
        guard let status = fileSystem.linkStatus(of: absolute(relative)), status.kind == .regularFile else { return nil }
        return status.size
    }

    /// Writes `bytes` to `relative`; returns whether the file was (re)written, `false` when it
    /// already held exactly these bytes (and `force` is off). A file that is there and that `cora`
    /// did not write (`owned` is false: an inventory in an output folder inside the input folder,
    /// say) is not replaced unless `force`.
    @discardableResult
    public func write(_ bytes: [UInt8], to relative: String, force: Bool, owned: Bool = true) throws(WriteError) -> Bool {
        let path = absolute(relative)
        try makeFolders(upTo: BatchPath.parent(path), for: relative)
        if !force, size(of: relative) == bytes.count, let existing = try? fileSystem.read(path), existing == bytes {
            return false
        }
        if !force, !owned, let status = fileSystem.linkStatus(of: path), status.kind != .directory {
            throw .notOwned(path: BatchPath.join(name, relative))
        }
        do {
            try fileSystem.write(path) { write in try bytes.withUnsafeBytes { try write($0) } }
        } catch let error as FileSystemError {
            throw .failed(path: BatchPath.join(name, relative), reason: "cannot write: \(error.reason)")
        } catch {
            throw .failed(path: BatchPath.join(name, relative), reason: "cannot write: \(error)")
        }
        return true
    }

    /// Whether something other than `bytes` is at `relative` (a file or a link; any, when `bytes` is
    /// `nil`): what writing there would replace.
    public func holdsOther(_ relative: String, than bytes: [UInt8]?) -> Bool {
        guard let status = fileSystem.linkStatus(of: absolute(relative)), status.kind != .directory else { return false }
        guard let bytes, status.kind == .regularFile, status.size == bytes.count else { return true }
        return (try? fileSystem.read(absolute(relative))) != bytes
    }

    /// Removes the output `relative` (a file or a link, never a folder), if it is there.
    public func remove(_ relative: String) {
        guard BatchPath.isSafeRelative(relative), BatchPath.isWithin(resolvedTarget(of: relative), realPath) else { return }
        let path = absolute(relative)
        if let status = fileSystem.linkStatus(of: path), status.kind != .directory { fileSystem.removeFile(path) }
    }

    /// Removes the temporary files that an earlier run killed before it could rename them (their
    /// process is gone); returns how many.
    public func sweepTemporaryFiles() -> Int {
        var removed = 0
        func sweep(_ folder: String, depth: Int) {
            guard depth < 64, let names = try? fileSystem.contents(ofDirectory: folder) else { return }
            for name in names {
                let path = BatchPath.join(folder, name)
                guard let status = fileSystem.linkStatus(of: path) else { continue }
                if status.kind == .directory {
                    sweep(path, depth: depth + 1)
                } else if status.kind == .regularFile, fileSystem.isAbandonedTemporaryFile(name) {
                    fileSystem.removeFile(path)
                    if fileSystem.linkStatus(of: path) == nil { removed += 1 }
                }
            }
        }
        sweep(realPath, depth: 0)
        return removed
    }

    /// Reads the file at `relative`, if it is a regular file.
    public func read(_ relative: String) -> [UInt8]? {
        guard size(of: relative) != nil else { return nil }
        return try? fileSystem.read(absolute(relative))
    }

    /// Creates the folders of `folder` below the output folder, one by one, and checks that the
    /// result really is inside it.
    private func makeFolders(upTo folder: String, for relative: String) throws(WriteError) {
        guard BatchPath.isSafeRelative(relative) else {
            throw .escapes(path: BatchPath.join(name, relative), reason: "not a path inside the output folder")
        }
        var current = realPath
        for part in BatchPath.components(BatchPath.relative(folder, to: realPath) ?? "") {
            current = BatchPath.join(current, part)
            do {
                try fileSystem.createDirectory(current)
            } catch {
                throw .failed(path: BatchPath.join(name, relative), reason: "cannot create the folder: \(error.reason)")
            }
        }
        guard let resolved = fileSystem.realPath(folder), BatchPath.isWithin(resolved, realPath) else {
            throw .escapes(path: BatchPath.join(name, relative),
                           reason: "the output would land outside the output folder (through a link to \(fileSystem.realPath(folder) ?? folder)); nothing written")
        }
    }
}
