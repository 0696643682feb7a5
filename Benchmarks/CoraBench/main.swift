// cora-bench: reads a CSV file with the Swift reader and prints `records=N fields=M`, the same
// line as Benchmarks/csv_count.c, so that Benchmarks/run.sh can compare the two in one run.
//
//   cora-bench count [--delimiter X] [--strings] FILE
//
// With --strings every field is also decoded to a Swift String (what the converter pays).
import CoraCSV
#if canImport(Glibc)
import Glibc
#endif

func fail(_ message: String, status: Int32 = 2) -> Never {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(status)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.first == "count" else {
    fail("usage: cora-bench count [--delimiter X] [--strings] FILE")
}
arguments.removeFirst()
var options = CSVReadOptions()
var decodeStrings = false
var path: String?
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--delimiter", "-d":
        guard !arguments.isEmpty, let delimiter = CSVDialect.delimiter(named: arguments.removeFirst()) else {
            fail("cora-bench: --delimiter needs one character")
        }
        options.delimiter = delimiter
    case "--strings":
        decodeStrings = true
    default:
        path = argument
    }
}
guard let path else {
    fail("cora-bench: no input file")
}
let descriptor = open(path, O_RDONLY)
guard descriptor >= 0 else {
    fail("cora-bench: cannot open \(path)")
}
defer { close(descriptor) }
do {
    let reader = try CSVReader(source: FileDescriptorByteSource(descriptor: descriptor), options: options)
    var records = 0
    var fields = 0
    var characters = 0
    while let record = try reader.next() {
        records += 1
        fields += record.count
        if decodeStrings {
            for index in 0..<record.count { characters &+= record[index].utf8.count }
        }
    }
    print("records=\(records) fields=\(fields)")
    // Keeps the decoding from being optimised away without changing the output line.
    if decodeStrings && characters < 0 { print("impossible") }
} catch {
    fail("cora-bench: \(path): \(error)", status: 1)
}
