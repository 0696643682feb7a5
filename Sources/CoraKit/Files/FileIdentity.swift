import CoraCSV

/// A file's identity on its machine: the device and the inode.
public struct FileIdentity: Sendable, Hashable {
    /// The device.
    public var device: UInt64
    /// The inode.
    public var inode: UInt64

    /// Creates an identity.
    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}
