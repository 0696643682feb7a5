// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cora",
    products: [
        .executable(name: "cora", targets: ["cora"]),
        .library(name: "CoraKit", targets: ["CoraKit"]),
        .library(name: "CoraCSV", targets: ["CoraCSV"]),
        .library(name: "CoraSystem", targets: ["CoraSystem"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The zip container of an .xlsx workbook (read in memory, written with fixed dates).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libcsv, the C library that parses and writes every CSV byte (Debian: libcsv-dev).
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        // The only target with unsafe pointers and C callbacks: streaming reader, dialect sniffing,
        // encodings and the writer, all on libcsv.
        .target(
            name: "CoraCSV",
            dependencies: ["CLibCSV"]
        ),
        // libxml2, the C library that parses the XML parts of a workbook (Debian: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Excel workbooks (.xlsx): sheets read as rows of cells as Excel shows them, and sheets of
        // typed cells written, byte for byte the same for the same content. No I/O of its own.
        .target(
            name: "CoraXLSX",
            dependencies: ["CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The canonical CORA process model, mappings, validation and renderers. No I/O of its own.
        .target(
            name: "CoraKit",
            dependencies: ["CoraCSV", "CoraXLSX", .product(name: "Yams", package: "Yams")]
        ),
        // The machine: the POSIX file system (the one atomic file writer) and Graphviz, behind the
        // library's protocols.
        .target(
            name: "CoraSystem",
            dependencies: ["CoraKit", "CoraCSV"]
        ),
        // The thin command-line front end: options, standard streams, colour and exit codes.
        .executableTarget(
            name: "cora",
            dependencies: ["CoraKit", "CoraCSV", "CoraSystem", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Reads a file with the Swift reader and counts records and fields (benchmark against C).
        .executableTarget(
            name: "cora-bench",
            dependencies: ["CoraCSV"],
            path: "Benchmarks/CoraBench"
        ),
        .testTarget(
            name: "CoraCSVTests",
            dependencies: ["CoraCSV"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CoraXLSXTests",
            dependencies: ["CoraXLSX"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CoraKitTests",
            dependencies: ["CoraKit", "CoraCSV", "CoraXLSX"],
            exclude: ["Golden"]
        ),
        // Runs the built `cora` binary and checks its output, files and exit status.
        .testTarget(
            name: "CoraCLITests",
            dependencies: ["cora", "CoraKit", "CoraXLSX"],
            exclude: ["Golden", "BadInputs"]
        ),
    ]
)
