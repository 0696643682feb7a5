import Foundation
import Testing

/// An output that cannot be written where it is asked for is refused before anything is read (a
/// new user's finding: a mistyped folder was found only once a large inventory was read, checked
/// and built, and then nothing was written).
@Suite("Outputs in a folder that cannot take them: refused before reading")
struct OutputFolderTests {
    static let inventory = "id,name,level\na,Verhuren eenheden,bedrijfsproces\n"

    /// The two lines of the refusal of `path`, `why`.
    static func refusal(_ path: String, _ why: String) -> [String] {
        ["\(path): error: cannot write: \(why); nothing was read [unwritable-output]",
         "\(path): note: choose a path in a folder that exists and can be written to"]
    }

    @Test("-o, --rejects and --report in a folder that does not exist, under a file, or on a folder: exit 2, nothing read or written")
    func refusedBeforeReading() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.inventory)
        try scratch.write("plain.txt", "x")
        try scratch.write("in2.csv", Self.inventory)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("rejects-in2.csv"), withIntermediateDirectories: true)
        let cases: [(arguments: [String], refusal: [String])] = [
            (["convert", "in.csv", "-o", "missing/model.csv"], Self.refusal("missing/model.csv", "the folder missing does not exist")),
            (["convert", "in.csv", "-o", "plain.txt/model.csv"], Self.refusal("plain.txt/model.csv", "plain.txt is not a folder")),
            (["convert", "in.csv", "-o", "folder"], Self.refusal("folder", "a folder, not a file")),
            (["convert", "in.csv", "--rejects", "missing/rejects.csv", "-o", "model.csv"],
             Self.refusal("missing/rejects.csv", "the folder missing does not exist")),
            (["validate", "in.csv", "--report", "missing/report.json"], Self.refusal("missing/report.json", "the folder missing does not exist")),
            (["convert", "in.csv", "--to", "archi", "-o", "plain.txt/archi"], Self.refusal("plain.txt/archi", "plain.txt is not a folder")),
            (["convert", "in.csv", "--to", "archi", "-o", "plain.txt"], Self.refusal("plain.txt", "--to archi writes its files into a folder, and this is a file")),
            // As the system finds the folder: `missing/..` does not exist while `missing` does not.
            (["convert", "in.csv", "-o", "missing/../model.csv"], Self.refusal("missing/../model.csv", "the folder missing/.. does not exist")),
            (["convert", "in.csv", "in2.csv", "--rejects", "rejects.csv", "-o", "model.csv"],
             Self.refusal("rejects-in2.csv", "a folder, not a file")),
        ]
        for (arguments, refusal) in cases {
            let run = try scratch.cora(arguments)
            #expect(run.status == 2, "\(arguments): \(run)")
            // Not even which mapping was chosen: the input was not opened.
            #expect(run.stderrLines == refusal, "\(arguments)")
            #expect(run.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("missing").path))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("model.csv").path))
    }

    @Test("-o through a link writes the file it leads to and leaves the link a link")
    func throughALink() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.inventory)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("data"), withIntermediateDirectories: true)
        try scratch.write("data/model.csv", "old")
        try FileManager.default.createSymbolicLink(atPath: scratch.url.appendingPathComponent("link.csv").path, withDestinationPath: "data/model.csv")
        let direct = try scratch.cora("convert", "in.csv", "-o", "direct.csv")
        let linked = try scratch.cora("convert", "in.csv", "-o", "link.csv")
        #expect(direct.status == 0 && linked.status == 0, "\(direct)\n\(linked)")
        let attributes = try FileManager.default.attributesOfItem(atPath: scratch.url.appendingPathComponent("link.csv").path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try scratch.read("data/model.csv") == (try scratch.read("direct.csv")))
    }

    @Test("a format that writes a folder still makes the folders it lacks; a file in the current folder is fine")
    func foldersStillMade() throws {
        let scratch = try Scratch()
        try scratch.write("in.csv", Self.inventory)
        let archi = try scratch.cora("convert", "in.csv", "--to", "archi", "-o", "new/a/b")
        #expect(archi.status == 0, "\(archi)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("new/a/b/elements.csv").path))
        let plain = try scratch.cora("convert", "in.csv", "-o", "model.csv", "--rejects", "rejects.csv")
        #expect(plain.status == 0, "\(plain)")
        #expect(try scratch.read("model.csv").count > 0)
        // A device is written into as it is, whatever its folder allows.
        let device = try scratch.cora("convert", "in.csv", "-o", "/dev/null")
        #expect(device.status == 0, "\(device)")
        let report = try scratch.cora("validate", "in.csv", "--report", "/dev/null", "--report-format", "json")
        #expect(report.status == 0, "\(report)")
        // With several inputs the rejects files are PATH-INPUTNAME: a folder named as the path holds them.
        try scratch.write("in2.csv", Self.inventory)
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("r"), withIntermediateDirectories: true)
        let several = try scratch.cora("convert", "in.csv", "in2.csv", "--rejects", "r/", "-o", "-")
        // Exit 1: the two files share the id a (duplicate-id), rejected into r/.
        #expect(several.status == 1, "\(several)")
        #expect(!several.stderrText.contains("unwritable-output"), "\(several)")
        #expect(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("r/-in.csv").path)
            || FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("r/-in").path), "\(several)")
    }
}
