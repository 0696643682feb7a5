/// The outputs of a whole batch, relative to the output folder, worked out before anything is read
/// so that no two inputs write the same file and nothing overwrites the batch's own files.
///
/// ```swift
/// let plan = BatchPlan(inputs: [BatchInput(path: "in/a.csv", relativePath: "a.csv")],
///                      formats: [CanonicalCSVFormat(), MarkdownFormat()], merge: false)
/// print(plan.files[0].outputs["md"]!)  // a.md
/// ```
public struct BatchPlan: Sendable {
    /// The summary as JSON.
    public static let summaryJSON = "summary.json"
    /// The summary as Markdown.
    public static let summaryMarkdown = "summary.md"
    /// What the last run did, so that the next one can skip unchanged inputs.
    public static let manifest = ".cora-batch.json"
    /// The outputs a run may create, written before it writes any and removed when it ends: after a
    /// run that was killed, the next knows the files that run made as `cora`'s own.
    public static let pending = ".cora-batch-pending.json"
    /// The stem of the merged outputs (`merged.csv`, …).
    public static let mergedStem = "merged"

    /// Every input, in the order given (sorted by relative path by the caller).
    public var files: [BatchFilePlan]
    /// With `--merge`: the merged outputs per format name.
    public var merged: [String: String]
    /// The formats asked for.
    public var formats: [any OutputFormat]
    /// Whether all inputs make one model.
    public var merge: Bool

    /// The batch's own files: the summaries, the manifest and (with `--merge`) the merged outputs.
    public var ownPaths: [String] {
        [Self.summaryJSON, Self.summaryMarkdown, Self.manifest]
            + OutputFormats.all.flatMap { format in merged[format.name].map { format.files(at: $0) } ?? [] }
    }

    /// Every path the batch may write.
    public var allPaths: [String] {
        ownPaths + files.filter { $0.conflict == nil }.flatMap(\.paths)
    }

    /// Plans the outputs of `inputs` (in this order) for `formats`.
    ///
    /// An input whose outputs would take a path that an earlier input or the batch itself has (also
    /// a file where another needs a folder: `a.csv` against `a.csv/b.csv`) gets a ``BatchFilePlan/conflict``
    /// and no outputs; so does one whose relative path is not safe (``BatchPath/isSafeRelative(_:)``).
    public init(inputs: [BatchInput], formats: [any OutputFormat], merge: Bool) {
        self.formats = formats
        self.merge = merge
        var merged: [String: String] = [:]
        if merge {
            for format in formats { merged[format.name] = Self.mergedStem + format.fileSuffix }
        }
        self.merged = merged
        self.files = []

        // Output paths are claimed without regard to case or Unicode normalisation (String's ==
        // is canonical equivalence): `HR.csv` and `hr.csv`, or `café.csv` in NFC and NFD, are one
        // file on macOS, Windows and SMB shares, and the second would overwrite the first there.
        var claimed: [String: (owner: String, path: String)] = [:]       // path → who has it
        var claimedFolders: [String: (owner: String, path: String)] = [:] // folder → who needs it
        func folders(of path: String) -> [String] {
            var result: [String] = []
            var parts = BatchPath.components(path)
            parts.removeLast()
            while !parts.isEmpty {
                result.append(parts.joined(separator: "/"))
                parts.removeLast()
            }
            return result
        }
        func claim(_ paths: [String], by owner: String) {
            for path in paths {
                claimed[path.lowercased()] = (owner, path)
                for folder in folders(of: path) where claimedFolders[folder.lowercased()] == nil {
                    claimedFolders[folder.lowercased()] = (owner, folder)
                }
            }
        }
        claim(ownPaths, by: "the batch's own files")

        let longestSuffix = ([".report.json", ".rejects.csv"] + (merge ? [] : formats.map(\.fileSuffix))).map(\.utf8.count).max() ?? 0
        for input in inputs {
            var stem = BatchPath.stem(input.relativePath)
            let shortened = Self.shortened(stem, leaving: longestSuffix)
            if let shortened { stem = shortened }
            var plan = BatchFilePlan(input: input, outputs: [:], report: stem + ".report.json", rejects: stem + ".rejects.csv")
            plan.shortenedStem = shortened
            if !merge {
                for format in formats { plan.outputs[format.name] = stem + format.fileSuffix }
            }
            guard BatchPath.isSafeRelative(input.relativePath), BatchPath.isSafeRelative(stem) else {
                plan.conflict = "the path \"\(input.relativePath)\" cannot name a file inside the output folder"
                plan.outputs = [:]
                files.append(plan)
                continue
            }
            for path in plan.paths {
                let key = path.lowercased()
                if let other = claimed[key] ?? claimedFolders[key] ?? folders(of: path).lazy.compactMap({ claimed[$0.lowercased()] }).first {
                    let whose = other.owner == "the batch's own files" ? other.owner : "an output of \(other.owner)"
                    if Array(other.path.utf8) == Array(path.utf8) || other.path.lowercased() != key {
                        plan.conflict = "its output \(path) would overwrite \(whose)"
                    } else {
                        let how = other.path == path ? "only in how accented letters are encoded (Unicode NFC and NFD)" : "only in case"
                        plan.conflict = "its output \(path) and \(whose), \(other.path), differ \(how): one file on macOS, Windows and SMB shares"
                    }
                    break
                }
            }
            if plan.conflict == nil {
                claim(plan.paths, by: input.path)
            } else {
                plan.outputs = [:]
            }
            files.append(plan)
        }
    }

    /// The longest file name most file systems accept, in bytes.
    static let maxNameBytes = 255

    /// `stem` with its last component shortened so that it takes `suffix` more bytes and stays
    /// within ``maxNameBytes``: its start (cut between characters), `~` and 8 hex digits of the
    /// SHA-256 of the whole stem, so that two long names never meet; `nil` when it fits as it is.
    static func shortened(_ stem: String, leaving suffix: Int) -> String? {
        let folder = stem.lastIndex(of: "/").map { String(stem[...$0]) } ?? ""
        let name = String(stem[(stem.lastIndex(of: "/").map(stem.index(after:)) ?? stem.startIndex)...])
        guard name.utf8.count + suffix > maxNameBytes else { return nil }
        let hash = "~" + String(SHA256.hexDigest(of: stem).prefix(8))
        var kept = ""
        var bytes = 0
        for character in name {
            let size = character.utf8.count
            if bytes + size + hash.utf8.count + suffix > maxNameBytes { break }
            kept.append(character)
            bytes += size
        }
        return folder + kept + hash
    }
}
