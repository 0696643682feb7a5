#if canImport(Glibc)
import Glibc
#endif
import CoraKit
import CoraSystem

/// This machine, as the library sees it: its files, the local mapping folders, Graphviz.
enum Machine {
    /// The file system.
    static let fileSystem = LocalFileSystem()

    /// The mappings: shipped, `./Mappings`, `$CORA_MAPPINGS`.
    static var library: MappingLibrary {
        let folder = getenv(MappingLibrary.environmentVariable).map { String(cString: $0) }
        return MappingLibrary(folders: MappingLibrary.localFolders(environmentValue: folder), fileSystem: fileSystem)
    }

    /// Input detection over ``library``.
    static var detector: InputDetector { InputDetector(library: library) }

    /// The processors online (diagrams of `--view each` drawn at once, batch workers).
    static var processors: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
    /// Threads for rendering a large CSV: the cores there are, up to two (one renders while the
    /// other does too; more hardly helps, the writing is serial).
    static var renderThreads: Int { min(2, processors) }

    /// Today (UTC) for the handbook's title page, or the day of `SOURCE_DATE_EPOCH` (the
    /// reproducible-builds convention) when set, so that a handbook can be made the same twice.
    static var today: DocumentDate {
        DocumentDate(secondsSince1970: getenv("SOURCE_DATE_EPOCH").flatMap { Int64(String(cString: $0)) } ?? Int64(time(nil)))
    }
}
