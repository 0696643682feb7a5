extension DiagnosticCode {
    // MARK: Batches (cora batch)

    /// The input is not text: a NUL byte that is not UTF-16, or the signature of a binary format
    /// (an Excel workbook, a PDF, an image).
    public static let binaryInput: DiagnosticCode = "binary-input"
    /// `--mapping auto` found no mapping that fits the input's header.
    public static let noMappingFits: DiagnosticCode = "no-mapping-fits"
    /// The input's outputs would overwrite another input's outputs or a file of the batch itself.
    public static let outputConflict: DiagnosticCode = "output-conflict"
    /// An output would land outside the output folder (through a link); nothing was written.
    public static let unsafeOutput: DiagnosticCode = "unsafe-output"
    /// With `--merge`: one code names different processes in two files.
    public static let conflictingCode: DiagnosticCode = "conflicting-code"
}
