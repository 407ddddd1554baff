import TicketTrainerCore

/// Reads a fact's value as its definition wants it: a boolean, or one of its words.
///
/// A class, so that a decoder's one reader per fact is shared, not copied for every ticket.
final class FactReader: Sendable {
    let fact: FactDefinition

    init(fact: FactDefinition) {
        self.fact = fact
    }

    func read(_ node: YAMLNode, _ reader: inout NodeReader) -> FactValue? {
        switch fact.kind {
        case .boolean:
            return reader.boolean(node, "fact '\(fact.id)'").map(FactValue.boolean)
        case .choice(let words):
            guard let word = reader.text(node, "fact '\(fact.id)'") else { return nil }
            guard words.contains(word) else {
                reader.error(
                    at: node.location, "'\(word)' is not a value of fact '\(fact.id)'",
                    note: NodeReader.suggestion(for: word, among: words))
                return nil
            }
            return .choice(word)
        }
    }
}

/// Reads the label of a field's choice, written in any of its exact spellings.
///
/// A class, so that the decoder's one reader per field is shared and not copied, with all
/// of its spellings, for every `expect` of a bank.
final class ChoiceReader: Sendable {
    let field: Field
    private let matcher: AnswerMatcher
    /// Each spelling that names one choice, as written in the lesson, with that choice's
    /// label. Files nearly always write one of these, and comparing is far cheaper than
    /// folding case and diacritics, which only the other spellings go through.
    private let spellings: [(spelling: String, label: String)]

    init(field: Field) {
        let matcher = AnswerMatcher(field: field)
        self.field = field
        self.matcher = matcher
        self.spellings = field.choices.flatMap { choice in
            choice.spellings.compactMap { spelling in
                matcher.exactChoice(spelling).map { (spelling, $0.label) }
            }
        }
    }

    /// Each spelling of the lesson's that names one choice, with that choice's label.
    var exactSpellings: [(spelling: String, label: String)] { spellings }

    func read(_ node: YAMLNode, _ reader: inout NodeReader) -> String? {
        guard let text = reader.text(node, "'\(field.id)'") else { return nil }
        if let known = spellings.first(where: { $0.spelling == text }) { return known.label }
        guard let choice = matcher.exactChoice(text) else {
            reader.error(
                at: node.location, "'\(text)' is not a choice of '\(field.id)'",
                note: "expected one of: "
                    + field.choices.map { "'\($0.label)'" }.joined(separator: ", "))
            return nil
        }
        return choice.label
    }
}
