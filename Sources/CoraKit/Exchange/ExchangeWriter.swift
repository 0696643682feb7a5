/// Writes an ``ExchangeDocument`` as XML: UTF-8 without a byte order mark, LF line endings, two
/// spaces of indentation, the children of the model in the order of the 3.1 schema (`name`,
/// `documentation`, `properties`, `metadata`, `elements`, `relationships`, `organizations`,
/// `propertyDefinitions`, `views`), and every text and attribute value through ``XMLText``, so
/// that whatever a name holds, a parser reads back the same text.
///
/// The writer writes what the document says and checks nothing: identifiers, references and
/// relationship types are the business of whoever made the document (``ExchangeRenderer``).
public struct ExchangeWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The document as bytes.
    public func write(_ document: ExchangeDocument) -> [UInt8] {
        var out = Output(language: document.language)
        out.line(0, #"<?xml version="1.0" encoding="UTF-8"?>"#)
        var root = #"<model xmlns="\#(ExchangeDocument.namespace)" xmlns:xsi="\#(ExchangeDocument.schemaInstanceNamespace)""#
        root += #" xsi:schemaLocation="\#(XMLText.attribute(ExchangeDocument.schemaLocation))""#
        root += #" identifier="\#(XMLText.attribute(document.identifier))""#
        if let version = document.version { root += #" version="\#(XMLText.attribute(version))""# }
        out.line(0, root + ">")
        out.text(1, "name", document.name)
        if !document.documentation.isEmpty { out.text(1, "documentation", document.documentation) }
        out.properties(1, document.properties)
        if let metadata = document.metadata { out.tree(1, metadata) }
        if !document.elements.isEmpty {
            out.line(1, "<elements>")
            for element in document.elements { out.concept(2, "element", element) }
            out.line(1, "</elements>")
        }
        if !document.relationships.isEmpty {
            out.line(1, "<relationships>")
            for relationship in document.relationships { out.concept(2, "relationship", relationship) }
            out.line(1, "</relationships>")
        }
        for organizations in document.organizations { out.tree(1, organizations) }
        if !document.propertyDefinitions.isEmpty {
            out.line(1, "<propertyDefinitions>")
            for definition in document.propertyDefinitions {
                out.line(2, #"<propertyDefinition identifier="\#(XMLText.attribute(definition.identifier))" type="\#(XMLText.attribute(definition.type))">"#)
                out.text(3, "name", definition.name)
                out.line(2, "</propertyDefinition>")
            }
            out.line(1, "</propertyDefinitions>")
        }
        if !document.views.isEmpty || document.viewpoints != nil {
            out.line(1, "<views>")
            if let viewpoints = document.viewpoints { out.tree(2, viewpoints) }
            if !document.views.isEmpty {
                out.line(2, "<diagrams>")
                for view in document.views { out.tree(3, view) }
                out.line(2, "</diagrams>")
            }
            out.line(1, "</views>")
        }
        out.line(0, "</model>")
        return Array(out.text.utf8)
    }

    /// The text being written.
    private struct Output {
        let language: String?
        var text = ""

        init(language: String?) {
            self.language = language
            text.reserveCapacity(1 << 16)
        }

        mutating func line(_ depth: Int, _ content: String) {
            text += String(repeating: "  ", count: depth)
            text += content
            text += "\n"
        }

        /// `<tag xml:lang="…">text</tag>`.
        mutating func text(_ depth: Int, _ tag: String, _ value: String) {
            let lang = language.map { #" xml:lang="\#(XMLText.attribute($0))""# } ?? ""
            line(depth, "<\(tag)\(lang)>\(XMLText.content(value))</\(tag)>")
        }

        mutating func properties(_ depth: Int, _ properties: [ExchangeProperty]) {
            guard !properties.isEmpty else { return }
            line(depth, "<properties>")
            for property in properties {
                line(depth + 1, #"<property propertyDefinitionRef="\#(XMLText.attribute(property.definition))">"#)
                text(depth + 2, "value", property.value)
                line(depth + 1, "</property>")
            }
            line(depth, "</properties>")
        }

        mutating func concept(_ depth: Int, _ tag: String, _ concept: ExchangeConcept) {
            var start = #"<\#(tag) identifier="\#(XMLText.attribute(concept.identifier))""#
            if let source = concept.source, let target = concept.target {
                start += #" source="\#(XMLText.attribute(source))" target="\#(XMLText.attribute(target))""#
            }
            start += #" xsi:type="\#(XMLText.attribute(concept.type))""#
            for attribute in concept.attributes { start += #" \#(attribute.name)="\#(XMLText.attribute(attribute.value))""# }
            // An element needs a name; a relationship has one only when it is not empty.
            let named = !concept.isRelationship || !concept.name.isEmpty
            guard named || !concept.documentation.isEmpty || !concept.properties.isEmpty else {
                line(depth, start + " />")
                return
            }
            line(depth, start + ">")
            if named { text(depth + 1, "name", concept.name) }
            if !concept.documentation.isEmpty { text(depth + 1, "documentation", concept.documentation) }
            properties(depth + 1, concept.properties)
            line(depth, "</\(tag)>")
        }

        mutating func tree(_ depth: Int, _ tree: XMLTree) {
            var start = "<" + tree.name
            for attribute in tree.attributes { start += #" \#(attribute.name)="\#(XMLText.attribute(attribute.value))""# }
            if tree.children.isEmpty {
                if tree.text.isEmpty {
                    line(depth, start + " />")
                } else {
                    line(depth, start + ">" + XMLText.content(tree.text) + "</\(tree.name)>")
                }
                return
            }
            line(depth, start + ">")
            for child in tree.children { self.tree(depth + 1, child) }
            line(depth, "</\(tree.name)>")
        }
    }
}
