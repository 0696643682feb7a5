import CoraKit
import Foundation
import Testing

/// ``JSONFormat``: `--to json`.
@Suite("json: the model and its findings")
struct JSONFormatTests {
    @Test("the renderer's JSON: processes with their fields, and the diagnostics")
    func json() throws {
        let format = JSONFormat()
        #expect(format.name == "json" && format.fileSuffix == ".json" && !format.writesFolder)
        let bytes = try FormatFixture.write(format).bytes() ?? []
        #expect(String(decoding: bytes, as: UTF8.self) == ModelJSONRenderer().render(FormatFixture.model, diagnostics: FormatFixture.diagnostics))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect((object["processes"] as? [[String: Any]])?.map { $0["id"] as? String } == ["bp", "wp"])
        #expect((object["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "naming-convention")
    }
}
