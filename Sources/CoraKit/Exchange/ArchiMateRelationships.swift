// TEMPORARY stub until the table lands.
public enum ArchiMateRelationships {
    public static func allows(_ type: String, from source: String, to target: String) -> Bool { true }
}
