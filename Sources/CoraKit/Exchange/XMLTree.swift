/// An XML element with its attributes, text and child elements, as a parser read it or as it is to
/// be written: the views and organizations of an exchange document are kept this way, so that a
/// round trip gives back every node, bound, style and connection of the input without cora having
/// to know them.
///
/// Text is kept where an element has no child elements (`<name>`, `<value>`, `<label>`); text
/// between child elements (indentation) is not kept. Attribute names are written as in the
/// document (`xsi:type`, `xml:lang`); their order is kept.
public struct XMLTree: Sendable, Equatable, Hashable {
    /// The element's name as written, without a namespace prefix (`view`, `node`, `bounds`).
    public var name: String
    /// The attributes in order, by their written names.
    public var attributes: [XMLAttribute]
    /// The text of an element without child elements, else empty.
    public var text: String
    /// The child elements in order.
    public var children: [XMLTree]
    /// The line the element starts on, when it was read.
    public var line: Int?

    /// Creates an element.
    public init(_ name: String, attributes: [XMLAttribute] = [], text: String = "", children: [XMLTree] = [], line: Int? = nil) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
        self.line = line
    }

    /// The value of the attribute `name`, if the element has it.
    public subscript(attribute name: String) -> String? {
        get { attributes.first(where: { $0.name == name })?.value }
        set {
            if let index = attributes.firstIndex(where: { $0.name == name }) {
                if let newValue { attributes[index].value = newValue } else { attributes.remove(at: index) }
            } else if let newValue {
                attributes.append(XMLAttribute(name, newValue))
            }
        }
    }

    /// The first child element named `name`.
    public func child(_ name: String) -> XMLTree? {
        children.first(where: { $0.name == name })
    }

    /// The child elements named `name`.
    public func children(_ name: String) -> [XMLTree] {
        children.filter { $0.name == name }
    }

    /// This element and every element below it, depth first, in document order.
    public func forEach(_ body: (XMLTree) throws -> Void) rethrows {
        try body(self)
        for child in children { try child.forEach(body) }
    }

    /// A copy without the lines where elements were read (for comparing two reads).
    public var withoutLines: XMLTree {
        var copy = self
        copy.line = nil
        copy.children = children.map(\.withoutLines)
        return copy
    }
}

/// One attribute of an ``XMLTree``: its name as written (`identifier`, `xsi:type`, `xml:lang`) and
/// its value as a parser gives it (references resolved).
public struct XMLAttribute: Sendable, Equatable, Hashable {
    /// The name, with its prefix if it has one.
    public var name: String
    /// The value.
    public var value: String

    /// Creates an attribute.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
