import TicketTrainerCore

/// Reads a fact's value as its definition wants it: a boolean, or one of its words.
enum FactValueReader {
    static func read(
        _ node: YAMLNode, of fact: FactDefinition, _ reader: inout NodeReader
    ) -> FactValue? {
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
enum ChoiceReader {
    static func read(
        _ node: YAMLNode, of field: Field, _ reader: inout NodeReader,
        matcher: AnswerMatcher? = nil
    ) -> String? {
        guard let text = reader.text(node, "'\(field.id)'") else { return nil }
        guard let choice = (matcher ?? AnswerMatcher(field: field)).exactChoice(text) else {
            reader.error(
                at: node.location, "'\(text)' is not a choice of '\(field.id)'",
                note: "expected one of: "
                    + field.choices.map { "'\($0.label)'" }.joined(separator: ", "))
            return nil
        }
        return choice.label
    }
}
