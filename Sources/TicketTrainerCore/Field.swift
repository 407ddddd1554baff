/// The name of a classified field: `type`, `priority` or `severity` in the bundled lesson.
public struct FieldID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (lhs: FieldID, rhs: FieldID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One value a field can take, as the CRM shows it, with the other ways trainees write it.
public struct Choice: Hashable, Sendable {
    /// The CRM's label, in Romanian with diacritics: `Service soluție`.
    public var label: String
    /// A short English gloss: `on-site service`.
    public var english: String
    /// Other spellings accepted as answers: `service`, `on-site`.
    public var aliases: [String]

    public init(label: String, english: String, aliases: [String] = []) {
        self.label = label
        self.english = english
        self.aliases = aliases
    }

    /// Every spelling that names this choice exactly: the label, the gloss and the aliases.
    public var spellings: [String] { [label, english] + aliases }
}

/// A field of the CRM ticket that the trainee classifies, with its menu of choices.
public struct Field: Hashable, Sendable {
    public var id: FieldID
    public var name: LocalizedText
    /// In menu order; the trainee may answer with the 1-based position.
    public var choices: [Choice]

    public init(id: FieldID, name: LocalizedText, choices: [Choice]) {
        self.id = id
        self.name = name
        self.choices = choices
    }

    /// The choice with this exact label.
    public func choice(labelled label: String) -> Choice? {
        choices.first { $0.label == label }
    }
}
