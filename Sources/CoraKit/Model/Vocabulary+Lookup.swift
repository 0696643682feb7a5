extension Vocabulary.Lookup {
    /// The value found, if the word was found.
    var foundValue: Value? {
        if case .found(let value) = self { return value }
        return nil
    }
}
