/// The stable name of a lesson rule: `sales-stopped`, `escalation-to-service`.
public struct RuleID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How long support has to contact the client, counted from when the ticket was added.
public struct ContactDeadline: Hashable, Sendable {
    public var hours: Int

    public init(hours: Int) { self.hours = hours }
}

/// One row of the lesson's decision table: when the facts match, it decides some fields.
public struct Rule: Hashable, Sendable {
    public var id: RuleID
    /// Where the rule is taught, e.g. `IV, HelpDesk, ex. 1`.
    public var source: String
    /// For each fact it tests, the values that let the rule fire. Facts not named do not matter.
    public var conditions: [FactID: Set<FactValue>]
    /// The label it gives each field it decides.
    public var outcome: [FieldID: String]
    public var contactDeadline: ContactDeadline?
    /// Rules whose decisions this one replaces when both fire (an escalation, say).
    public var overrides: Set<RuleID>
    public var explanation: LocalizedText
    /// Where the rule was written, for findings about it.
    public var origin: SourceLocation?

    public init(
        id: RuleID,
        source: String,
        conditions: [FactID: Set<FactValue>],
        outcome: [FieldID: String],
        contactDeadline: ContactDeadline? = nil,
        overrides: Set<RuleID> = [],
        explanation: LocalizedText,
        origin: SourceLocation? = nil
    ) {
        self.id = id
        self.source = source
        self.conditions = conditions
        self.outcome = outcome
        self.contactDeadline = contactDeadline
        self.overrides = overrides
        self.explanation = explanation
        self.origin = origin
    }

    /// Whether every condition holds for these facts.
    public func fires(on facts: Facts) -> Bool {
        conditions.allSatisfy { fact, allowed in
            guard let value = facts[fact] else { return false }
            return allowed.contains(value)
        }
    }
}

/// A case the lesson does not decide: for these facts it says nothing about some fields.
public struct Silence: Hashable, Sendable {
    public var conditions: [FactID: Set<FactValue>]
    public var fields: [FieldID]
    public var note: LocalizedText
    public var origin: SourceLocation?

    public init(
        conditions: [FactID: Set<FactValue>], fields: [FieldID], note: LocalizedText,
        origin: SourceLocation? = nil
    ) {
        self.conditions = conditions
        self.fields = fields
        self.note = note
        self.origin = origin
    }

    /// Whether this silence covers a ticket with these facts.
    public func covers(_ facts: Facts) -> Bool {
        conditions.allSatisfy { fact, allowed in
            guard let value = facts[fact] else { return false }
            return allowed.contains(value)
        }
    }
}
