import Foundation
internal import ZIPFoundation

/// The zip container of a workbook being written: parts in a fixed order, deflated, each with the
/// same modification date (1980-01-01 00:00, the first a zip can hold), so that the same parts give
/// the same bytes.
enum ZipArchiveWriter {
    /// The modification date of every entry.
    static let modificationDate = Date(timeIntervalSince1970: 315_532_800)
    /// The chunk size of compression (fixed: the deflated bytes depend on it).
    static let chunkSize = 1 << 16

    /// The zip archive of `parts` (path, bytes), in that order.
    static func archive(_ parts: [(path: String, bytes: [UInt8])]) throws(WorkbookError) -> [UInt8] {
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let bytes = part.bytes
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: modificationDate, permissions: 0o644,
                                     compressionMethod: .deflate, bufferSize: chunkSize) { position, size in
                    let start = Int(position)
                    return bytes.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[start..<start + size])) }
                }
            }
            guard let data = archive.data else {
                throw WorkbookError(.unwritable, "the workbook's zip archive could not be made")
            }
            return [UInt8](data)
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError(.unwritable, "the workbook's zip archive could not be made: \(error)")
        }
    }
}
