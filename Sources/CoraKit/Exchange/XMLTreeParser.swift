import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses the bytes of one XML document into one ``XMLTree`` with libxml2, through Foundation's
/// `XMLParser`: namespaces processed, external entities not resolved (the reader refuses a DOCTYPE
/// before this, so no entity can be declared at all).
///
/// Every `xsi:type` attribute is given as `xsi:type` whatever prefix the document binds to the
/// schema-instance namespace, and its value without a prefix bound to the exchange format's
/// namespace (`archimate:BusinessProcess` is `BusinessProcess`). Other attribute names are as
/// written, in the order written; namespace declarations are not attributes.
///
/// The elements are kept on a stack of their own, never by recursion, and the parse stops at the
/// first element deeper than `maxDepth` or past `maxElements`: what the tree's users then recurse
/// over is bounded.
struct XMLTreeParser {
    /// Why a document gave no tree.
    struct Failure: Error, Equatable {
        var code: DiagnosticCode
        var message: String
        var line: Int?
        var hint: String?
    }

    /// The deepest nesting of elements accepted (the root is at depth 1).
    var maxDepth: Int
    /// The most elements accepted.
    var maxElements: Int

    /// The root element and its namespace, or why there is none.
    func parse(_ bytes: [UInt8], markup: [UInt8]) -> Result<(root: XMLTree, namespace: String?), Failure> {
        // From a stream, libxml2 is fed in chunks: given the whole document at once, it refuses one
        // of more than 10 MB ("huge input lookup") as not well-formed.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = true
        parser.shouldResolveExternalEntities = false
        let builder = XMLTreeBuilder(maxDepth: maxDepth, maxElements: maxElements, markup: markup)
        parser.delegate = builder
        _ = parser.parse()
        parser.delegate = nil
        if let failure = builder.failure { return .failure(failure) }
        guard let root = builder.root else {
            return .failure(Failure(code: .exchangeNotXML, message: "the file holds no XML element", line: builder.lastLine,
                                    hint: "an exchange document is one <model> element in the namespace \(ExchangeDocument.namespace)"))
        }
        return .success((root, builder.rootNamespace))
    }
}

/// The parser's delegate: builds the tree, and turns the first fatal error into a ``XMLTreeParser/Failure``.
private final class XMLTreeBuilder: NSObject, XMLParserDelegate {
    /// An element being read.
    private struct Open {
        var tree: XMLTree
        var hasChildren = false
    }

    private let maxDepth: Int
    private let maxElements: Int
    private var scanner: XMLStartTagScanner
    private var stack: [Open] = []
    private var prefixes: [String: [String]] = [:]
    private var elementCount = 0
    private var stopped = false
    private(set) var root: XMLTree?
    private(set) var rootNamespace: String?
    private(set) var failure: XMLTreeParser.Failure?
    private(set) var lastLine = 1
    private var rootName: String?
    private let lineCount: Int

    init(maxDepth: Int, maxElements: Int, markup: [UInt8]) {
        self.lineCount = 1 + markup.count(where: { $0 == 0x0A })
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.scanner = XMLStartTagScanner(markup)
    }

    func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
        prefixes[prefix, default: []].append(namespaceURI)
    }

    func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
        _ = prefixes[prefix]?.popLast()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard !stopped else { return }
        let written = qualifiedName ?? elementName
        let tag = scanner.next(qualifiedName: written)
        let line = tag?.line ?? parser.lineNumber
        lastLine = line
        elementCount += 1
        if stack.count >= maxDepth {
            stop(parser, XMLTreeParser.Failure(
                code: .exchangeTooDeep, message: "the XML elements nest deeper than \(maxDepth) levels here (<\(written)>); nothing of the file is read",
                line: line, hint: "an exchange document nests a few levels (views nest their nodes); this one is damaged or hostile"))
            return
        }
        if elementCount > maxElements {
            stop(parser, XMLTreeParser.Failure(
                code: .exchangeTooLarge, message: "the document has more than \(maxElements) XML elements; the limit is passed on line \(line); nothing of the file is read",
                line: line, hint: "split the model, or check that the file is what you meant to read"))
            return
        }
        var tree = XMLTree(elementName, attributes: ordered(attributes, as: tag?.attributeNames ?? []), line: line)
        normaliseType(of: &tree)
        if stack.isEmpty {
            rootNamespace = namespaceURI
            rootName = written
        } else {
            stack[stack.count - 1].hasChildren = true
            stack[stack.count - 1].tree.text = ""
        }
        stack.append(Open(tree: tree))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard !stopped, var open = stack.popLast() else { return }
        if open.hasChildren { open.tree.text = "" }
        if stack.isEmpty {
            root = open.tree
        } else {
            stack[stack.count - 1].tree.children.append(open.tree)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stopped, !stack.isEmpty, !stack[stack.count - 1].hasChildren else { return }
        stack[stack.count - 1].tree.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        guard !stopped, !stack.isEmpty, !stack[stack.count - 1].hasChildren else { return }
        stack[stack.count - 1].tree.text += String(decoding: block, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard !stopped else { return }
        let code = (parseError as NSError).code
        guard !XMLWellFormedness.isWarning(code) else { return }
        let line = parser.lineNumber
        let context = XMLWellFormedness.Context(
            openElement: stack.last.map { ($0.tree.name, $0.tree.line ?? 0) }, rootName: rootName, rootClosed: root != nil,
            atLastLine: line >= lineCount)
        stop(parser, XMLTreeParser.Failure(
            code: .exchangeNotXML,
            message: "the file is not well-formed XML: \(XMLWellFormedness.message(code: code, context: context)) (line \(line), column \(parser.columnNumber)); nothing of the file is read",
            line: line, hint: "an exchange document is XML as Archi writes it (File → Export → Model to Open Exchange File); check that the file is whole"))
    }

    // The reader refuses a DOCTYPE before parsing; should one get through, any declaration stops the parse.

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuseDeclarations(parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuseDeclarations(parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        refuseDeclarations(parser)
        return nil
    }

    private func refuseDeclarations(_ parser: XMLParser) {
        guard !stopped else { return }
        stop(parser, XMLTreeParser.Failure(
            code: .exchangeDoctype, message: "the document declares entities; cora reads no DTD, so nothing of the file is read",
            line: parser.lineNumber, hint: "an exchange document needs no DOCTYPE: remove the declaration and its [ … ] part"))
    }

    private func stop(_ parser: XMLParser, _ failure: XMLTreeParser.Failure) {
        self.failure = failure
        stopped = true
        stack.removeAll()
        root = nil
        parser.abortParsing()
    }

    /// `attributes` in the order their names are written (any the scanner did not see last, by name).
    private func ordered(_ attributes: [String: String], as names: [String]) -> [XMLAttribute] {
        var result: [XMLAttribute] = []
        result.reserveCapacity(attributes.count)
        var seen = Set<String>()
        for name in names {
            if let value = attributes[name], seen.insert(name).inserted { result.append(XMLAttribute(name, value)) }
        }
        if result.count < attributes.count {
            for name in attributes.keys.sorted() where !seen.contains(name) { result.append(XMLAttribute(name, attributes[name]!)) }
        }
        return result
    }

    /// Names the `xsi:type` attribute `xsi:type`, and drops an exchange-format prefix from its value.
    private func normaliseType(of tree: inout XMLTree) {
        for index in tree.attributes.indices {
            let name = tree.attributes[index].name
            guard let colon = name.firstIndex(of: ":"), name[name.index(after: colon)...] == "type",
                  namespace(of: String(name[..<colon])) == ExchangeDocument.schemaInstanceNamespace else { continue }
            tree.attributes[index].name = "xsi:type"
            let value = tree.attributes[index].value
            if let valueColon = value.firstIndex(of: ":"),
               namespace(of: String(value[..<valueColon])) == ExchangeDocument.namespace {
                tree.attributes[index].value = String(value[value.index(after: valueColon)...])
            }
            return
        }
    }

    private func namespace(of prefix: String) -> String? {
        prefixes[prefix]?.last
    }
}
