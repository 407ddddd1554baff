/// A lesson: the fields to classify, the facts that describe a ticket, the rules that
/// decide, what the lesson leaves open, and the mark that passes the final test.
public struct Lesson: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    /// The lowest score, in percent, that passes the final test.
    public var passMark: Int
    /// In the order they are asked.
    public var fields: [Field]
    public var facts: [FactDefinition]
    /// In the order the lesson teaches them.
    public var rules: [Rule]
    public var silences: [Silence]
    /// Where the lesson was written, for findings about it as a whole.
    public var origin: SourceLocation?

    public init(
        id: String,
        title: LocalizedText,
        passMark: Int,
        fields: [Field],
        facts: [FactDefinition],
        rules: [Rule],
        silences: [Silence] = [],
        origin: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.passMark = passMark
        self.fields = fields
        self.facts = facts
        self.rules = rules
        self.silences = silences
        self.origin = origin
    }

    public func field(_ id: FieldID) -> Field? { fields.first { $0.id == id } }

    public func fact(_ id: FactID) -> FactDefinition? { facts.first { $0.id == id } }

    public func rule(_ id: RuleID) -> Rule? { rules.first { $0.id == id } }
}
