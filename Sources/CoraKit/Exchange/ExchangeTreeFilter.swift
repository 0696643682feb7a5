/// Takes out of kept views and organizations what refers to an element, relationship or view that
/// a document no longer has, so that every reference written points at something (the schema's
/// `IDREF`s, and Archi refuses a view whose node has no element).
enum ExchangeTreeFilter {
    /// `view` without the nodes whose `elementRef` is not in `elements` (with the nodes inside
    /// them), and without the connections whose `relationshipRef` is not in `relationships` or
    /// whose end is a node left out.
    static func view(_ view: XMLTree, elements: Set<String>, relationships: Set<String>) -> XMLTree {
        var removed = Set<String>()
        var result = nodes(view, elements: elements, removed: &removed)
        result.children.removeAll { child in
            guard child.name == "connection" else { return false }
            if let relationship = child[attribute: "relationshipRef"], !relationships.contains(relationship) { return true }
            return [child[attribute: "source"], child[attribute: "target"]].contains { $0.map(removed.contains) ?? false }
        }
        return result
    }

    private static func nodes(_ tree: XMLTree, elements: Set<String>, removed: inout Set<String>) -> XMLTree {
        var copy = withoutBadLanguage(tree)
        copy.children = []
        for child in tree.children {
            if child.name == "node", let element = child[attribute: "elementRef"], !elements.contains(element) {
                child.forEach { node in if let id = node[attribute: "identifier"] { removed.insert(id) } }
                continue
            }
            copy.children.append(child.name == "node" ? nodes(child, elements: elements, removed: &removed) : withoutBadLanguage(child, deep: true))
        }
        return copy
    }

    /// `organizations` without the items whose `identifierRef` is not in `referable`; `nil` when
    /// nothing is left.
    static func organizations(_ organizations: XMLTree, referable: Set<String>) -> XMLTree? {
        let result = items(organizations, referable: referable)
        return result.children.contains(where: { $0.name == "item" }) ? result : nil
    }

    private static func items(_ tree: XMLTree, referable: Set<String>) -> XMLTree {
        var copy = withoutBadLanguage(tree)
        copy.children = tree.children.compactMap { child in
            guard child.name == "item" else { return withoutBadLanguage(child, deep: true) }
            if let reference = child[attribute: "identifierRef"], !referable.contains(reference) { return nil }
            return items(child, referable: referable)
        }
        return copy
    }

    /// `tree` without an `xml:lang` that is no language tag (`nl_NL`), which the schema refuses;
    /// with `deep`, in every element below it too.
    static func withoutBadLanguage(_ tree: XMLTree, deep: Bool = false) -> XMLTree {
        var copy = tree
        copy.attributes.removeAll { $0.name == "xml:lang" && !XMLText.isLanguageTag($0.value) }
        if deep { copy.children = tree.children.map { withoutBadLanguage($0, deep: true) } }
        return copy
    }
}
