/// What the lesson's rules say about one field of one ticket.
///
/// Indirect, so that handing a verdict around shares its rule instead of copying it.
public indirect enum FieldVerdict: Hashable, Sendable {
    /// One value, and the first rule (in lesson order) that gives it.
    case decided(label: String, by: Rule)
    /// Rules that fire give different values and none overrides the others.
    case conflict([Rule])
    /// No rule decides the field; the silence says so when the lesson admits it.
    case undecided(Silence?)

    /// The decided label, if there is exactly one.
    public var label: String? {
        if case .decided(let label, _) = self { return label }
        return nil
    }

    /// The rule that decided the field, if one did.
    public var rule: Rule? {
        if case .decided(_, let rule) = self { return rule }
        return nil
    }
}

/// A deadline to contact the client, and the rule that sets it.
public struct ContactRequirement: Hashable, Sendable {
    public var deadline: ContactDeadline
    public var rule: Rule
}

/// The rules' answer for one ticket: a verdict per field and the contact deadline.
public struct Decision: Hashable, Sendable {
    public var verdicts: [FieldID: FieldVerdict]
    /// The tightest deadline of any rule that fired.
    public var contact: ContactRequirement?
    /// Every rule whose conditions hold, in lesson order, overridden or not.
    public var firedRules: [Rule]
    /// The fired rules that have a say on at least one field, in lesson order: those a
    /// ticket exercises.
    public var standingRules: [Rule]

    public subscript(field: FieldID) -> FieldVerdict {
        verdicts[field] ?? .undecided(nil)
    }
}

/// Decides tickets by the lesson's decision table. Pure: facts in, a decision out.
public struct RuleEngine: Sendable {
    public let lesson: Lesson
    /// Every combination decided in advance, for lessons small enough to allow it.
    private let table: DecisionTable?

    public init(lesson: Lesson) {
        self.init(lesson: lesson, tableLimit: DecisionTable.sizeLimit)
    }

    /// `tableLimit` 0 decides every ticket rule by rule; tests compare the two ways.
    init(lesson: Lesson, tableLimit: Int) {
        self.lesson = lesson
        self.table = DecisionTable(lesson: lesson, limit: tableLimit) { facts in
            Self.evaluate(facts, in: lesson)
        }
    }

    /// The facts with every omitted boolean filled in as `false`.
    public func completing(_ facts: Facts) -> Facts {
        var complete = facts
        for definition in lesson.facts where complete[definition.id] == nil {
            if let value = definition.defaultValue { complete[definition.id] = value }
        }
        return complete
    }

    /// Decides a ticket. Facts the scenario left out take the lesson's defaults.
    public func decide(_ facts: Facts) -> Decision {
        table?.decision(for: facts) ?? Self.evaluate(facts, in: lesson)
    }

    /// Fires the rules on the facts and reads off each field's verdict.
    private static func evaluate(_ facts: Facts, in lesson: Lesson) -> Decision {
        let engine = RuleEngine(lesson: lesson, tableLimit: 0)
        let facts = engine.completing(facts)
        let fired = lesson.rules.filter { $0.fires(on: facts) }

        var verdicts: [FieldID: FieldVerdict] = [:]
        var deciding: Set<RuleID> = []
        for field in lesson.fields {
            verdicts[field.id] = engine.verdict(on: field.id, fired: fired, facts: facts)
            deciding.formUnion(engine.standing(on: field.id, fired: fired).map(\.id))
        }

        let contact =
            fired
            .compactMap { rule in
                rule.contactDeadline.map { ContactRequirement(deadline: $0, rule: rule) }
            }
            .min { $0.deadline.hours < $1.deadline.hours }

        return Decision(
            verdicts: verdicts, contact: contact, firedRules: fired,
            standingRules: fired.filter { deciding.contains($0.id) })
    }

    /// The fired rules that have a say on a field: those deciding it that no other rule
    /// deciding it overrides.
    public func standing(on field: FieldID, fired: [Rule]) -> [Rule] {
        let deciding = fired.filter { $0.outcome[field] != nil }
        let overridden = deciding.reduce(into: Set<RuleID>()) { $0.formUnion($1.overrides) }
        return deciding.filter { !overridden.contains($0.id) }
    }

    private func verdict(on field: FieldID, fired: [Rule], facts: Facts) -> FieldVerdict {
        let standing = standing(on: field, fired: fired)

        guard let first = standing.first, let label = first.outcome[field] else {
            let silence = lesson.silences.first { $0.fields.contains(field) && $0.covers(facts) }
            return .undecided(silence)
        }
        if standing.contains(where: { $0.outcome[field] != label }) {
            return .conflict(standing)
        }
        return .decided(label: label, by: first)
    }
}
