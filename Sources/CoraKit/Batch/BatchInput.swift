/// One input of a batch: where to read it and the path its outputs are named after.
public struct BatchInput: Sendable, Hashable, Codable {
    /// The path to read, as the command line named it (relative to the working directory, or absolute).
    /// Diagnostics and the `source` of every process use it.
    public var path: String
    /// The path inside the output folder that its outputs are named after (`2019/verhuur.csv`):
    /// relative to the folder or wildcard base it was found under.
    public var relativePath: String

    /// Creates an input.
    public init(path: String, relativePath: String) {
        self.path = path
        self.relativePath = relativePath
    }
}
