/// The check that every relation of an Archi model (a CSV set, an exchange document) has both its
/// ends: an element or another relation of the model. A relation with a missing end is left out,
/// and with it every relation on it, and on those, and so on.
///
/// Each relation is checked in order, and again only when a relation it is on is left out: a chain
/// of relations on relations costs one check per link, not one pass over all relations per link.
enum RelationEnds {
    /// One end of a relation.
    enum End: String {
        case source, target
    }

    /// For each of `relations`, whether it is left out. `known` holds the ids of the elements and
    /// relations of the model, and loses those of the relations left out; `missing` is told each
    /// end that is not there (its relation's index, which end, and the id it names, maybe empty).
    static func leftOut(_ relations: [(id: String, source: String, target: String)], known: inout Set<String>,
                        missing: (_ index: Int, _ end: End, _ id: String) -> Void) -> [Bool] {
        var onRelation: [String: [Int]] = [:]
        for (index, relation) in relations.enumerated() {
            onRelation[relation.source, default: []].append(index)
            if relation.target != relation.source { onRelation[relation.target, default: []].append(index) }
        }
        var leftOut = [Bool](repeating: false, count: relations.count)
        var toCheck = Array(relations.indices.reversed())
        while let index = toCheck.popLast() {
            guard !leftOut[index] else { continue }
            let relation = relations[index]
            let ends = [(End.source, relation.source), (End.target, relation.target)].filter { !known.contains($0.1) }
            guard !ends.isEmpty else { continue }
            for (end, id) in ends { missing(index, end, id) }
            leftOut[index] = true
            if !relation.id.isEmpty {
                known.remove(relation.id)
                toCheck.append(contentsOf: (onRelation[relation.id] ?? []).filter { !leftOut[$0] })
            }
        }
        return leftOut
    }
}
