import TicketTrainerCore

/// Turns a scenario file's YAML into a `ScenarioBank` for a lesson, reporting every fault.
struct ScenarioDecoder {
    let lesson: Lesson
    let file: String
    var reader = NodeReader()
    /// Built once: a bank may name a label in thousands of `expect`s.
    private let matchers: [FieldID: AnswerMatcher]

    init(lesson: Lesson, file: String) {
        self.lesson = lesson
        self.file = file
        self.matchers = Dictionary(
            uniqueKeysWithValues: lesson.fields.map { ($0.id, AnswerMatcher(field: $0)) })
    }

    mutating func decode(_ root: YAMLNode) -> ScenarioBank? {
        guard
            let top = reader.mapping(
                root, "the scenario file", required: ["lesson", "scenarios"],
                optional: ["purpose"])
        else { return nil }

        if let node = top["lesson"], let id = reader.text(node, "'lesson'"), id != lesson.id {
            reader.error(
                at: node.location, "scenarios are for lesson '\(id)', not '\(lesson.id)'",
                note: "write 'lesson: \(lesson.id)', or pass that lesson with --lesson")
        }
        let purpose = top["purpose"].flatMap { decodePurpose($0) } ?? .practice
        let scenarios = top["scenarios"].map { decodeScenarios($0) } ?? []

        return ScenarioBank(
            lessonID: lesson.id, purpose: purpose, scenarios: scenarios, file: file)
    }

    private mutating func decodePurpose(_ node: YAMLNode) -> ScenarioPurpose? {
        guard let word = reader.text(node, "'purpose'") else { return nil }
        guard let purpose = ScenarioPurpose(rawValue: word) else {
            reader.error(
                at: node.location, "unknown purpose '\(word)'",
                note: "expected 'practice' or 'final-test'")
            return nil
        }
        return purpose
    }

    private mutating func decodeScenarios(_ node: YAMLNode) -> [Scenario] {
        guard let items = reader.list(node, "'scenarios'") else { return [] }
        if items.isEmpty { reader.error(at: node.location, "'scenarios' lists no scenario") }
        return items.compactMap { decodeScenario($0) }
    }

    private mutating func decodeScenario(_ node: YAMLNode) -> Scenario? {
        guard
            let entries = reader.mapping(
                node, "a scenario", required: ["id", "ticket", "facts"], optional: ["expect"]),
            let idNode = entries["id"], let id = reader.text(idNode, "a scenario's 'id'")
        else { return nil }

        let ticket = entries["ticket"].flatMap {
            reader.localized($0, "the ticket of '\(id)'", freeText: true)
        }
        let facts = entries["facts"].flatMap { decodeFacts($0, scenario: id) }
        var origin = ScenarioOrigin(
            scenario: node.location, id: idNode.location, facts: entries["facts"]?.location)
        let expected = entries["expect"].flatMap { decodeExpect($0, origin: &origin) } ?? [:]

        guard let ticket, let facts else { return nil }
        return Scenario(id: id, ticket: ticket, facts: facts, expected: expected, origin: origin)
    }

    private mutating func decodeFacts(_ node: YAMLNode, scenario: String) -> Facts? {
        guard case .mapping(let entries) = node.content else {
            reader.error(at: node.location, "'facts' should be a mapping, not \(node.kindName)")
            return nil
        }

        var facts: Facts = [:]
        var mentioned: Set<String> = []
        var complete = true
        for (key, value) in entries {
            guard case .scalar(let name, _) = key.content else { continue }
            mentioned.insert(name)
            guard let fact = lesson.fact(FactID(name)) else {
                reader.error(
                    at: key.location, "unknown fact '\(name)'",
                    note: NodeReader.suggestion(for: name, among: lesson.facts.map(\.id.rawValue)))
                complete = false
                continue
            }
            if let factValue = FactValueReader.read(value, of: fact, &reader) {
                facts[fact.id] = factValue
            } else {
                complete = false
            }
        }

        // A boolean left out means false; a fact with no default must be given.
        for fact in lesson.facts
        where !mentioned.contains(fact.id.rawValue) && fact.defaultValue == nil {
            reader.error(
                at: node.location, "scenario '\(scenario)' does not give fact '\(fact.id)'",
                note: "'\(fact.id)' has no default; give one of: "
                    + fact.values.map { "\($0)" }.joined(separator: ", "))
            complete = false
        }
        return complete ? facts : nil
    }

    private mutating func decodeExpect(
        _ node: YAMLNode, origin: inout ScenarioOrigin
    ) -> [FieldID: String]? {
        guard case .mapping(let entries) = node.content else {
            reader.error(at: node.location, "'expect' should be a mapping, not \(node.kindName)")
            return nil
        }

        var expected: [FieldID: String] = [:]
        for (key, value) in entries {
            guard case .scalar(let name, _) = key.content else { continue }
            guard let field = lesson.field(FieldID(name)) else {
                reader.error(
                    at: key.location, "unknown field '\(name)'",
                    note: NodeReader.suggestion(
                        for: name, among: lesson.fields.map(\.id.rawValue)))
                continue
            }
            if let label = ChoiceReader.read(
                value, of: field, &reader, matcher: matchers[field.id])
            {
                expected[field.id] = label
                origin.expected[field.id] = value.location
            }
        }
        return expected
    }
}
