import CoraCSV

/// What is at a path.
public struct FileStatus: Sendable, Equatable {
    /// The kinds of things at a path.
    public enum Kind: Sendable, Equatable {
        case regularFile, directory, link, other
    }

    /// What it is.
    public var kind: Kind
    /// Its size in bytes.
    public var size: Int
    /// Its identity (device and inode): two paths with the same one are the same file.
    public var identity: FileIdentity

    /// Creates a status.
    public init(kind: Kind, size: Int = 0, identity: FileIdentity = FileIdentity(device: 0, inode: 0)) {
        self.kind = kind
        self.size = size
        self.identity = identity
    }
}
