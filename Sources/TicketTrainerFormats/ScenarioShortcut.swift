import TicketTrainerCore

/// Reads a scenario written the plain way straight from its parser events, without building
/// `YAMLNode`s or a string for every key: most of a large bank's load time otherwise.
///
/// It takes only what it can be sure of: the known keys once each, text where text is
/// wanted, `true` and `false` for booleans, and fact values and labels spelled as in the
/// lesson. Anything else, a fault or just a rarer spelling, gives nil, and the scenario
/// goes through `ScenarioDecoder`'s full reading, which accepts every form the trainer's
/// guide allows and explains every fault. So a scenario read here is the one that reading
/// would have given, and a wrong one is still reported exactly.
struct ScenarioShortcut {
    private let facts: [FactShortcut]
    private let fields: [FieldShortcut]

    /// A fact's name and its values as bytes, with the values a file may write.
    private struct FactShortcut {
        var id: FactID
        var name: [UInt8]
        /// For a choice fact, its words and their bytes; nil for a boolean.
        var words: [(word: String, bytes: [UInt8])]?
        var hasDefault: Bool
    }

    /// A field's name as bytes, and each spelling that names exactly one of its choices.
    private struct FieldShortcut {
        var id: FieldID
        var name: [UInt8]
        var spellings: [(bytes: [UInt8], label: String)]
    }

    private static let id = Array("id".utf8)
    private static let ticket = Array("ticket".utf8)
    private static let factsKey = Array("facts".utf8)
    private static let expect = Array("expect".utf8)
    private static let romanian = Array("ro".utf8)
    private static let english = Array("en".utf8)
    private static let yes = Array("true".utf8)
    private static let no = Array("false".utf8)

    init(lesson: Lesson, choiceReaders: [ChoiceReader]) {
        facts = lesson.facts.map { fact in
            var words: [(String, [UInt8])]?
            if case .choice(let list) = fact.kind { words = list.map { ($0, Array($0.utf8)) } }
            return FactShortcut(
                id: fact.id, name: Array(fact.id.rawValue.utf8), words: words,
                hasDefault: fact.defaultValue != nil)
        }
        fields = zip(lesson.fields, choiceReaders).map { field, reader in
            FieldShortcut(
                id: field.id, name: Array(field.id.rawValue.utf8),
                spellings: reader.exactSpellings.map { (Array($0.spelling.utf8), $0.label) })
        }
    }

    /// The scenario on the tape, or nil when it is not written the plain way.
    func scenario(on tape: YAMLTape) -> Scenario? {
        guard facts.count <= 64, fields.count <= 64 else { return nil }
        var cursor = Cursor(tape: tape)
        guard let start = cursor.take(.mappingStart) else { return nil }

        var id: String?
        var ticket: LocalizedText?
        var facts: Facts?
        var expected: [FieldID: String] = [:]
        var origin = ScenarioOrigin(scenario: tape.location(of: start))
        var sawExpect = false

        while let key = cursor.take(.scalar) {
            if tape.scalar(key, is: Self.id), id == nil {
                guard let value = cursor.take(.scalar) else { return nil }
                let text = tape.string(value)
                guard !text.isEmpty, !text.unicodeScalars.contains(where: NodeReader.isControl)
                else { return nil }
                id = text
                origin.id = tape.location(of: value)
            } else if tape.scalar(key, is: Self.ticket), ticket == nil {
                guard let text = readTicket(&cursor) else { return nil }
                ticket = text
            } else if tape.scalar(key, is: Self.factsKey), facts == nil {
                guard let at = cursor.peek, let given = readFacts(&cursor) else { return nil }
                facts = given
                origin.facts = tape.location(of: at)
            } else if tape.scalar(key, is: Self.expect), !sawExpect {
                sawExpect = true
                guard readExpect(&cursor, into: &expected, origin: &origin) else { return nil }
            } else {
                return nil
            }
        }

        guard cursor.take(.mappingEnd) != nil, cursor.isAtEnd, let id, let ticket, let facts
        else { return nil }
        return Scenario(id: id, ticket: ticket, facts: facts, expected: expected, origin: origin)
    }

    /// One text for both languages, or a mapping of `ro` and `en`.
    private func readTicket(_ cursor: inout Cursor) -> LocalizedText? {
        let tape = cursor.tape
        if let value = cursor.take(.scalar) {
            let text = tape.string(value)
            return text.isEmpty ? nil : LocalizedText(text)
        }

        guard cursor.take(.mappingStart) != nil else { return nil }
        var romanian: String?
        var english: String?
        while let key = cursor.take(.scalar) {
            guard let value = cursor.take(.scalar), value.textCount > 0 else { return nil }
            if tape.scalar(key, is: Self.romanian), romanian == nil {
                romanian = tape.string(value)
            } else if tape.scalar(key, is: Self.english), english == nil {
                english = tape.string(value)
            } else {
                return nil
            }
        }
        guard cursor.take(.mappingEnd) != nil, let romanian, let english else { return nil }
        return LocalizedText(romanian: romanian, english: english)
    }

    /// Every fact written once, with a value the lesson lists; those left out must have
    /// a default.
    private func readFacts(_ cursor: inout Cursor) -> Facts? {
        let tape = cursor.tape
        guard cursor.take(.mappingStart) != nil else { return nil }

        var given = Facts(minimumCapacity: facts.count)
        // The facts given so far, a bit for each place in the lesson (`init` keeps lessons
        // with more than 64 facts away), so finding one given twice takes no hashing.
        var seen: UInt64 = 0
        while let key = cursor.take(.scalar) {
            guard let place = facts.firstIndex(where: { tape.scalar(key, is: $0.name) }),
                seen & (1 << place) == 0, let value = cursor.take(.scalar)
            else { return nil }
            seen |= 1 << place
            let fact = facts[place]

            if let words = fact.words {
                guard let word = words.first(where: { tape.scalar(value, is: $0.bytes) })
                else { return nil }
                given[fact.id] = .choice(word.word)
            } else if !value.quoted && tape.scalar(value, is: Self.yes) {
                given[fact.id] = .boolean(true)
            } else if !value.quoted && tape.scalar(value, is: Self.no) {
                given[fact.id] = .boolean(false)
            } else {
                return nil
            }
        }

        guard cursor.take(.mappingEnd) != nil else { return nil }
        if seen.nonzeroBitCount < facts.count {
            guard facts.allSatisfy({ $0.hasDefault || given[$0.id] != nil }) else { return nil }
        }
        return given
    }

    /// Every field written once, with one of its choices' spellings exactly.
    private func readExpect(
        _ cursor: inout Cursor, into expected: inout [FieldID: String],
        origin: inout ScenarioOrigin
    ) -> Bool {
        let tape = cursor.tape
        guard cursor.take(.mappingStart) != nil else { return false }

        var seen: UInt64 = 0
        while let key = cursor.take(.scalar) {
            guard let place = fields.firstIndex(where: { tape.scalar(key, is: $0.name) }),
                seen & (1 << place) == 0, let value = cursor.take(.scalar),
                let spelling = fields[place].spellings.first(where: {
                    tape.scalar(value, is: $0.bytes)
                })
            else { return false }
            seen |= 1 << place
            let field = fields[place]
            expected[field.id] = spelling.label
            origin.expected[field.id] = tape.location(of: value)
        }
        return cursor.take(.mappingEnd) != nil
    }

    /// Walks a tape's events in order.
    private struct Cursor {
        let tape: YAMLTape
        private var index = 0

        init(tape: YAMLTape) {
            self.tape = tape
        }

        var isAtEnd: Bool { index == tape.events.count }

        var peek: YAMLEvent? { isAtEnd ? nil : tape.events[index] }

        /// The next event, if it is of this kind; the cursor moves past it only then.
        mutating func take(_ kind: YAMLEvent.Kind) -> YAMLEvent? {
            guard let event = peek, event.kind == kind else { return nil }
            index += 1
            return event
        }
    }
}
