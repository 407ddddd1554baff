/// The name of a fact that describes a ticket: `request`, `sales_stopped`.
public struct FactID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: FactID, rhs: FactID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The value of one fact about a ticket.
public enum FactValue: Hashable, Sendable, Comparable, CustomStringConvertible {
    case boolean(Bool)
    case choice(String)

    public var description: String {
        switch self {
        case .boolean(let value): value ? "true" : "false"
        case .choice(let value): value
        }
    }

    public static func < (lhs: FactValue, rhs: FactValue) -> Bool {
        lhs.description < rhs.description
    }
}

/// A fact of the lesson's vocabulary and the values it can take.
public struct FactDefinition: Hashable, Sendable {
    /// The kinds of fact a lesson can declare.
    public enum Kind: Hashable, Sendable {
        /// `true` or `false`; a scenario that leaves it out means `false`.
        case boolean
        /// One of a closed list of words; a scenario must give it.
        case choice([String])
    }

    public var id: FactID
    public var kind: Kind
    public var meaning: LocalizedText

    public init(id: FactID, kind: Kind, meaning: LocalizedText) {
        self.id = id
        self.kind = kind
        self.meaning = meaning
    }

    /// Every value the fact can take, in the order the lesson lists them.
    public var values: [FactValue] {
        switch kind {
        case .boolean: [.boolean(true), .boolean(false)]
        case .choice(let words): words.map(FactValue.choice)
        }
    }

    /// The value a scenario gets when it does not mention this fact, if there is one.
    public var defaultValue: FactValue? {
        switch kind {
        case .boolean: .boolean(false)
        case .choice: nil
        }
    }
}

/// Everything known about one ticket: a value for every fact of the lesson.
public typealias Facts = [FactID: FactValue]
