import TicketTrainerCore

/// Turns a scenario file's YAML into a `ScenarioBank` for a lesson, reporting every fault.
struct ScenarioDecoder {
    let lesson: Lesson
    let file: String
    var reader = NodeReader()
    /// One per field of the lesson, in its order; built once, since a bank may name a
    /// label in thousands of `expect`s.
    private let choiceReaders: [ChoiceReader]
    private let factReaders: [FactReader]
    private let shortcut: ScenarioShortcut
    /// The lesson's fact and field ids as written, to look keys up by.
    private let factNames: [String]
    private let fieldNames: [String]
    /// The scenarios decoded as the parser read them, when the list was streamed.
    private var streamed: [Scenario]?
    /// How many items the streamed list held, whether or not they decoded.
    private var streamedItems = 0
    /// Faults in the YAML of streamed items (a key given twice, say): the parser's findings,
    /// which stand even when the file as a whole cannot be used.
    private(set) var structureFindings: [Diagnostic] = []

    init(lesson: Lesson, file: String) {
        self.lesson = lesson
        self.file = file
        self.choiceReaders = lesson.fields.map(ChoiceReader.init)
        self.factReaders = lesson.facts.map(FactReader.init)
        self.shortcut = ScenarioShortcut(lesson: lesson, choiceReaders: choiceReaders)
        self.factNames = lesson.facts.map(\.id.rawValue)
        self.fieldNames = lesson.fields.map(\.id.rawValue)
    }

    /// Decodes one item of the `scenarios` list as the parser hands it over; `decode`
    /// then takes these in place of the list, which the tree keeps empty.
    mutating func take(_ item: YAMLTape) {
        streamedItems += 1
        if let scenario = shortcut.scenario(on: item) {
            streamed?.append(scenario)
            return
        }

        // Not written the plain way: read in full, which explains any fault.
        guard let node = item.node(diagnostics: &structureFindings),
            let scenario = decodeScenario(node)
        else { return }
        streamed?.append(scenario)
    }

    /// Prepares to take the items of a streamed `scenarios` list.
    mutating func beginStreaming() {
        streamed = []
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
        if let streamed {
            if streamedItems == 0 {
                reader.error(at: node.location, "'scenarios' lists no scenario")
            }
            return streamed
        }
        guard let items = reader.list(node, "'scenarios'") else { return [] }
        if items.isEmpty { reader.error(at: node.location, "'scenarios' lists no scenario") }
        return items.compactMap { decodeScenario($0) }
    }

    mutating func decodeScenario(_ node: YAMLNode) -> Scenario? {
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

        var facts = Facts(minimumCapacity: lesson.facts.count)
        // Which of the lesson's facts were written, by their place in the lesson.
        var mentioned = [Bool](repeating: false, count: lesson.facts.count)
        var complete = true
        for (key, value) in entries {
            guard case .scalar(let name, _) = key.content else { continue }
            guard let index = factNames.firstIndex(of: name) else {
                reader.error(
                    at: key.location, "unknown fact '\(name)'",
                    note: NodeReader.suggestion(for: name, among: lesson.facts.map(\.id.rawValue)))
                complete = false
                continue
            }
            mentioned[index] = true
            let factReader = factReaders[index]
            if let factValue = factReader.read(value, &reader) {
                facts[factReader.fact.id] = factValue
            } else {
                complete = false
            }
        }

        // A boolean left out means false; a fact with no default must be given.
        for (index, fact) in lesson.facts.enumerated()
        where !mentioned[index] && fact.defaultValue == nil {
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
            guard let index = fieldNames.firstIndex(of: name) else {
                reader.error(
                    at: key.location, "unknown field '\(name)'",
                    note: NodeReader.suggestion(
                        for: name, among: lesson.fields.map(\.id.rawValue)))
                continue
            }
            if let label = choiceReaders[index].read(value, &reader) {
                let field = lesson.fields[index].id
                expected[field] = label
                origin.expected[field] = value.location
            }
        }
        return expected
    }
}
