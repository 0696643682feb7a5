import CoraCSV

/// A file open for reading: a ``ByteSource`` to close when done.
public protocol OpenedFile: ByteSource {
    /// Closes the file (standard input stays open).
    func close()
}
