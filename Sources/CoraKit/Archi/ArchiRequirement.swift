/// How a requirement tag is written in an Archi model (a CSV set, an exchange document): a
/// `Requirement` element named with the tag's Dutch label, with the properties `Tag`, `Groep` and,
/// for an own tag whose English label differs, `Label-en`. The import (``ArchiImport``) and the
/// export (`ArchiExportPlan`) both read and write it through here.
public enum ArchiRequirement {
    /// The property that holds the tag.
    public static let tagKey = "Tag"
    /// The property that holds the group (``RequirementGroup``'s raw value).
    public static let groupKey = "Groep"
    /// The property that holds an own tag's English label.
    public static let englishLabelKey = "Label-en"

    /// The trimmed value of the first property `key` among `properties` (keys compared as
    /// headers: case, spaces and `-` ignored), when it is not empty.
    static func value(_ key: String, in properties: [ArchiProperty]) -> String? {
        let wanted = TextNormalization.headerKey(key)
        guard let value = properties.first(where: { TextNormalization.headerKey($0.key) == wanted })?.value.trimmingWhitespace(),
              !value.isEmpty else { return nil }
        return value
    }

    /// The tag the Requirement `element` stands for: its `Tag` property, else the tag `tagNamed`
    /// finds for its name, else its name as written.
    static func tag(of element: ArchiElement, properties: [ArchiProperty], tagNamed: (String) -> String?) -> String {
        value(tagKey, in: properties) ?? tagNamed(element.name) ?? element.name
    }

    /// The properties of a new Requirement element `id` for `tag`: the tag, and for a tag of
    /// `catalog` its group and (an own tag's) English label when it differs from the Dutch one.
    static func properties(of id: String, tag: String, catalog: RequirementCatalog) -> [ArchiProperty] {
        var properties = [ArchiProperty(id: id, key: tagKey, value: tag)]
        guard let known = catalog.tag(tag) else { return properties }
        properties.append(ArchiProperty(id: id, key: groupKey, value: known.group.rawValue))
        if RequirementCatalog.cora.tag(tag) == nil, known.englishLabel != known.dutchLabel {
            properties.append(ArchiProperty(id: id, key: englishLabelKey, value: known.englishLabel))
        }
        return properties
    }
}
