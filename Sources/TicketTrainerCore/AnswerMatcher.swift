import Foundation

/// How a typed answer matched a field's choices.
public enum AnswerMatch: Hashable, Sendable {
    case choice(Choice)
    /// More than one choice fits what was typed; the trainee is asked again.
    case ambiguous([Choice])
    /// Nothing fits; the trainee is asked again.
    case unknown
    /// Nothing was typed.
    case empty
}

/// Turns what a trainee types into one of a field's choices.
///
/// Accepted, in this order: the number of the choice in the menu (`2`); any spelling of a
/// choice in any case, with or without diacritics, cedilla or comma-below, composed or
/// decomposed (`service solutie`, `SERVICE SOLUŢIE`); the English gloss or an alias
/// (`on-site`); and a prefix of any of these that only one choice has (`serv`).
/// Spaces, hyphens and punctuation are ignored, so `help desk` is `HelpDesk`.
public struct AnswerMatcher: Sendable {
    public let field: Field
    private let keyedChoices: [(key: String, choice: Choice)]

    public init(field: Field) {
        self.field = field
        self.keyedChoices = field.choices.flatMap { choice in
            choice.spellings.map { (key: AnswerMatcher.key(for: $0), choice: choice) }
        }
    }

    public func match(_ answer: String) -> AnswerMatch {
        let key = AnswerMatcher.key(for: answer)
        guard !key.isEmpty else { return .empty }

        if key.allSatisfy(\.isASCIIDigit) {
            guard let number = Int(key), field.choices.indices.contains(number - 1) else {
                return .unknown
            }
            return .choice(field.choices[number - 1])
        }

        let exact = uniqueChoices(keyedChoices.filter { $0.key == key })
        if exact.count == 1 { return .choice(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }

        let byPrefix = uniqueChoices(keyedChoices.filter { $0.key.hasPrefix(key) })
        switch byPrefix.count {
        case 0: return .unknown
        case 1: return .choice(byPrefix[0])
        default: return .ambiguous(byPrefix)
        }
    }

    /// The choice that one of its spellings names exactly, ignoring case and diacritics:
    /// how lesson and scenario files name choices, where a prefix or a number would be a trap.
    public func exactChoice(_ text: String) -> Choice? {
        let key = AnswerMatcher.key(for: text)
        let exact = uniqueChoices(keyedChoices.filter { $0.key == key })
        return exact.count == 1 ? exact[0] : nil
    }

    /// The choices whose spellings begin with what was typed, for Tab completion.
    /// Every choice when nothing was typed.
    public func completions(of partial: String) -> [Choice] {
        let key = AnswerMatcher.key(for: partial)
        return uniqueChoices(keyedChoices.filter { $0.key.hasPrefix(key) })
    }

    /// The form answers are compared in: lowercase, no diacritics, letters and digits only.
    public static func key(for text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(folded.filter { $0.isLetter || $0.isNumber })
    }

    /// The distinct choices among matches, in menu order.
    private func uniqueChoices(_ matches: [(key: String, choice: Choice)]) -> [Choice] {
        field.choices.filter { choice in matches.contains { $0.choice == choice } }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
