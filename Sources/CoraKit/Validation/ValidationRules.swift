/// Every check `cora` runs on the content of an inventory, in the order they run: the one list to
/// add a rule to.
///
/// Checks on how a file is written (its encoding, quotes, header, row widths) belong to reading it,
/// and checks on references between rows (duplicate ids, unknown parents, cycles) to building the
/// model; those are not rules.
public enum ValidationRules {
    /// The rules, cell rules first, then row rules, then model rules; findings of one row (or one
    /// process) come in this order.
    public static let all: [any ValidationRule] = [
        ExcelDamageRule(),
        MojibakeRule(),
        MissingNameRule(),
        NameNoiseRule(),
        NamingConventionRule(),
        InvalidNestingRule(),
        MissingParentRule(),
        CategoryMismatchRule(),
        NestingTooDeepRule(),
        MissingFunctionRule(),
        ConflictingCodeRule(),
        NotSteeringRule(),
        UnsteeredProcessRule(),
        SteersNothingRule(),
        OpenPDCALoopRule(),
        PDCAIncompleteRule(),
        PrivacyWithoutOwnerRule(),
    ]
}
