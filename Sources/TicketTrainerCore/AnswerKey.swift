/// The right answer for one field, and why it is right.
public enum FieldKey: Hashable, Sendable {
    /// A rule decides it.
    case rule(label: String, Rule)
    /// The lesson is silent and the scenario states it.
    case stated(label: String)
    /// Nobody decides it, so it is not graded.
    case notGraded(Silence?)

    public var label: String? {
        switch self {
        case .rule(let label, _), .stated(let label): label
        case .notGraded: nil
        }
    }

    public var isGraded: Bool { label != nil }

    /// The id of the rule that decides the field, if a rule does.
    public var ruleID: String? {
        if case .rule(_, let rule) = self { return rule.id.rawValue }
        return nil
    }
}

/// The right answers for a scenario, field by field: the rules' decision, completed by
/// what the scenario states where the lesson is silent.
public struct AnswerKey: Hashable, Sendable {
    public var scenario: Scenario
    public var decision: Decision
    public var fields: [FieldID: FieldKey]

    public init(scenario: Scenario, engine: RuleEngine) {
        self.scenario = scenario
        self.decision = engine.decide(scenario.facts)

        var fields: [FieldID: FieldKey] = [:]
        for field in engine.lesson.fields {
            switch decision[field.id] {
            case .decided(let label, let rule):
                fields[field.id] = .rule(label: label, rule)
            case .conflict:
                // A conflict is a fault in the lesson; validate reports it. Grade what the
                // scenario states, if anything, rather than pick a rule at random.
                fields[field.id] =
                    scenario.expected[field.id].map { .stated(label: $0) }
                    ?? .notGraded(nil)
            case .undecided(let silence):
                fields[field.id] =
                    scenario.expected[field.id].map { .stated(label: $0) }
                    ?? .notGraded(silence)
            }
        }
        self.fields = fields
    }

    public subscript(field: FieldID) -> FieldKey {
        fields[field] ?? .notGraded(nil)
    }

    /// The fields that carry a point, in the lesson's order.
    public func gradedFields(in lesson: Lesson) -> [FieldID] {
        lesson.fields.map(\.id).filter { self[$0].isGraded }
    }
}
