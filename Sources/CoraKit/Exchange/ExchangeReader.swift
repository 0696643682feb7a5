import CoraCSV

/// Reads one ArchiMate Open Exchange Format document (a `<model>` in the namespace
/// `http://www.opengroup.org/xsd/archimate/3.0/`, as Archi, BiZZdesign and Sparx EA export it) into
/// an ``ExchangeDocument``.
///
/// The XML is parsed by libxml2 through Foundation's `XMLParser`, which gives line numbers; a
/// document with a DOCTYPE is refused before it is parsed (the format needs none, and refusing it
/// shuts out entity expansion and external entities), and the size, the number of XML elements
/// and their nesting are limited. Bytes may be UTF-8 (with or without a byte order mark), UTF-16
/// with a byte order mark, or ISO-8859-1, ISO-8859-15, Windows-1252 or US-ASCII as the XML
/// declaration names them; any other declared encoding is refused (its markup could hide a DOCTYPE
/// from the check before parsing).
///
/// Every finding goes to the sink with the file and its line:
/// - the whole document is refused (``read(bytes:file:sink:)`` returns `nil`): `empty-file`,
///   `exchange-not-xml`, `exchange-not-model`, `exchange-doctype`, `exchange-too-large`,
///   `exchange-too-deep`;
/// - a concept is left out: `exchange-unknown-type` (an `xsi:type` the format does not know),
///   `exchange-missing-id`, `duplicate-id` (the later of two uses, naming the line of the first),
///   `exchange-missing-end` (a relationship whose source or target is no element or relationship);
/// - a warning, the document read as it is: `exchange-unknown-reference` (a property of an unknown
///   definition, which is left out; a view node, connection or organization item naming nothing).
///
/// ```swift
/// var sink = DiagnosticSink()
/// if let document = ExchangeReader().read(bytes: bytes, file: "VERA-4.3.1.xml", sink: &sink) {
///     print(document.elements.count)
/// }
/// ```
public struct ExchangeReader: Sendable {
    /// The limits that keep a hostile or damaged document from exhausting memory or the stack.
    public struct Limits: Sendable, Equatable {
        /// The largest document accepted, in bytes (default 256 MiB).
        public var maxBytes: Int
        /// The deepest nesting of XML elements accepted, the root at depth 1 (default 200; a view's
        /// nodes nest inside each other).
        public var maxDepth: Int
        /// The most XML elements accepted (default 5,000,000; VERA 4.3.1 has 27,233).
        public var maxElements: Int

        /// The default size limit: 256 MiB.
        public static let defaultMaxBytes = 256 << 20
        /// The default nesting limit.
        public static let defaultMaxDepth = 200
        /// The default limit on XML elements.
        public static let defaultMaxElements = 5_000_000

        /// Limits; the defaults read any real model.
        public init(maxBytes: Int = Limits.defaultMaxBytes, maxDepth: Int = Limits.defaultMaxDepth,
                    maxElements: Int = Limits.defaultMaxElements) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxElements = maxElements
        }
    }

    /// The limits applied.
    public let limits: Limits

    /// A reader with `limits`.
    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Reads `source` whole (up to ``Limits/maxBytes``, one byte past it to know it is larger) and
    /// parses it; every problem goes to `sink` with `file` and its line.
    ///
    /// - Returns: the document, or `nil` when nothing usable was read (empty, not well-formed, not
    ///   an exchange document, a DOCTYPE, over a limit).
    /// - Throws: ``ByteSourceError`` when the source cannot be read.
    public func read(_ source: some ByteSource, file: String, sink: inout DiagnosticSink) throws(ByteSourceError) -> ExchangeDocument? {
        read(bytes: try bytes(of: source), file: file, sink: &sink)
    }

    /// The bytes of `source`, at most one more than ``Limits/maxBytes`` (so that ``read(bytes:file:sink:)``
    /// can tell a document over the limit).
    public func bytes(of source: some ByteSource) throws(ByteSourceError) -> [UInt8] {
        var source = source
        let wanted = limits.maxBytes + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(source.expectedByteCount ?? 1 << 16, wanted))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < wanted {
            let count = min(chunk.count, wanted - bytes.count)
            let result: Result<Int, ByteSourceError> = chunk.withUnsafeMutableBytes { buffer in
                Result { () throws(ByteSourceError) in try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<count])) }
            }
            let read = try result.get()
            if read == 0 { break }
            bytes.append(contentsOf: chunk[..<read])
        }
        return bytes
    }

    /// Parses `bytes`, one whole document; every problem goes to `sink` with `file` and its line.
    ///
    /// - Returns: the document, or `nil` when nothing usable was read (empty, not well-formed, not
    ///   an exchange document, a DOCTYPE, over a limit).
    public func read(bytes: [UInt8], file: String, sink: inout DiagnosticSink) -> ExchangeDocument? {
        func refuse(_ code: DiagnosticCode, _ message: String, line: Int?, hint: String?) -> ExchangeDocument? {
            sink.report(Diagnostic(code, message, file: file, line: line, hint: hint))
            return nil
        }
        if bytes.count > limits.maxBytes {
            let line = 1 + bytes.prefix(limits.maxBytes).count(where: { $0 == 0x0A })
            return refuse(.exchangeTooLarge, "the document is larger than the limit of \(limits.maxBytes) bytes; the limit is passed on line \(line); nothing of the file is read",
                          line: line, hint: "split the model, or check that the file is what you meant to read")
        }
        let markup = ExchangeMarkup(bytes)
        if markup.isBlank {
            return refuse(.emptyFile, "the file is empty; an exchange document is one <model> element", line: 1,
                          hint: "export the model again (Archi: File → Export → Model to Open Exchange File)")
        }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return refuse(.exchangeNotXML, "the file is in UTF-32, which cora does not read; nothing of the file is read",
                          line: 1, hint: "save it as UTF-8 (Archi exports UTF-8)")
        }
        if markup.hasUnmarkedWideEncoding {
            return refuse(.exchangeNotXML, "the file is in UTF-16 or UTF-32 without a byte order mark, or in EBCDIC; nothing of the file is read",
                          line: 1, hint: "save it as UTF-8 (Archi exports UTF-8)")
        }
        if let encoding = markup.declaredEncoding, !ExchangeMarkup.acceptedEncodings.contains(encoding.lowercased()) {
            return refuse(.exchangeNotXML, "the document declares the encoding \"\(TerminalText.oneLine(String(encoding.prefix(40))))\", which cora does not read; nothing of the file is read",
                          line: 1, hint: "save it as UTF-8 (Archi exports UTF-8); cora reads UTF-8, UTF-16, ISO-8859-1, ISO-8859-15, Windows-1252 and US-ASCII")
        }
        if let line = markup.doctypeLine {
            return refuse(.exchangeDoctype, "the document has a DOCTYPE declaration; cora reads no DTD (its entities could expand without bound or read other files), so nothing of the file is read",
                          line: line, hint: "an exchange document needs no DOCTYPE: remove the declaration and its [ … ] part")
        }
        let parser = XMLTreeParser(maxDepth: limits.maxDepth, maxElements: limits.maxElements)
        let root: XMLTree
        switch parser.parse(bytes, markup: markup.utf8) {
        case .failure(let failure):
            return refuse(failure.code, failure.message, line: failure.line, hint: failure.hint)
        case .success(let parsed):
            guard parsed.root.name == "model", parsed.namespace == ExchangeDocument.namespace else {
                let found = parsed.namespace.map { $0.isEmpty ? "no namespace" : "the namespace \($0)" } ?? "no namespace"
                return refuse(.exchangeNotModel, "the root element is <\(parsed.root.name)> in \(found), not <model> in the namespace \(ExchangeDocument.namespace): not an ArchiMate exchange document; nothing of the file is read",
                              line: parsed.root.line, hint: "cora reads the ArchiMate Open Exchange Format (versions 3.x), as Archi writes it with File → Export → Model to Open Exchange File")
            }
            root = parsed.root
        }
        var reading = ExchangeReading(file: file)
        return reading.document(from: root, sink: &sink)
    }

    /// Whether `bytes`, the start of a file, look like an exchange document: the first element is
    /// `model` in the exchange format's namespace (how `--mapping auto` tells one from a table).
    /// A DOCTYPE before it does not matter here: reading such a file says that it is refused.
    public static func isExchangeDocument(prefix bytes: [UInt8]) -> Bool {
        let markup = ExchangeMarkup(bytes)
        return markup.rootIsExchangeModel || markup.doctypeNamesModel
    }
}
