import TicketTrainerCore

/// Turns a lesson file's YAML into a `Lesson`, reporting every fault it finds.
struct LessonDecoder {
    var reader = NodeReader()

    mutating func decode(_ root: YAMLNode) -> Lesson? {
        guard
            let top = reader.mapping(
                root, "the lesson",
                required: ["lesson", "title", "pass_mark", "fields", "facts", "rules"],
                optional: ["silent"])
        else { return nil }

        let id = top["lesson"].flatMap { reader.text($0, "'lesson'") }
        let title = top["title"].flatMap { reader.localized($0, "'title'", freeText: true) }
        let passMark = top["pass_mark"].flatMap {
            reader.integer($0, "'pass_mark'", in: 0...100)
        }
        let fields = top["fields"].map { decodeFields($0) } ?? []
        let facts = top["facts"].map { decodeFacts($0) } ?? []
        let rules = top["rules"].map { decodeRules($0, fields: fields, facts: facts) } ?? []
        let silences = top["silent"].map { decodeSilences($0, fields: fields, facts: facts) }

        guard let id, let title, let passMark, !reader.diagnostics.containsErrors else {
            return nil
        }
        return Lesson(
            id: id, title: title, passMark: passMark, fields: fields, facts: facts,
            rules: rules, silences: silences ?? [], origin: top["rules"]?.location)
    }

    // MARK: - Fields

    private mutating func decodeFields(_ node: YAMLNode) -> [Field] {
        guard let items = reader.list(node, "'fields'") else { return [] }
        if items.isEmpty { reader.error(at: node.location, "'fields' lists no field") }

        var fields: [Field] = []
        for item in items {
            guard
                let entries = reader.mapping(item, "a field", required: ["id", "name", "choices"]),
                let idNode = entries["id"], let id = reader.text(idNode, "a field's 'id'")
            else { continue }
            if fields.contains(where: { $0.id.rawValue == id }) {
                reader.error(at: idNode.location, "field '\(id)' is defined twice")
                continue
            }
            let name = entries["name"].flatMap { reader.localized($0, "the name of '\(id)'") }
            let choices = entries["choices"].map { decodeChoices($0, field: id) } ?? []
            if let name {
                fields.append(Field(id: FieldID(id), name: name, choices: choices))
            }
        }
        return fields
    }

    private mutating func decodeChoices(_ node: YAMLNode, field: String) -> [Choice] {
        guard let items = reader.list(node, "the choices of '\(field)'") else { return [] }
        if items.isEmpty { reader.error(at: node.location, "'\(field)' has no choices") }

        var choices: [Choice] = []
        var spellings: [String: String] = [:]
        for item in items {
            guard
                let entries = reader.mapping(
                    item, "a choice of '\(field)'", required: ["label", "english"],
                    optional: ["aliases"]),
                let label = entries["label"].flatMap({ reader.text($0, "a choice's 'label'") }),
                let english = entries["english"].flatMap({
                    reader.text($0, "the 'english' of '\(label)'")
                })
            else { continue }
            let aliases = entries["aliases"].flatMap { reader.words($0, "'aliases'") } ?? []
            let choice = Choice(label: label, english: english, aliases: aliases.map(\.0))

            // Two choices spelled alike would make an answer mean either; refuse it here.
            for spelling in choice.spellings {
                let key = AnswerMatcher.key(for: spelling)
                if let other = spellings[key], other != label {
                    reader.error(
                        at: item.location,
                        "'\(spelling)' names both '\(other)' and '\(label)' in '\(field)'",
                        note: "give each choice spellings of its own")
                }
                spellings[key] = label
            }
            choices.append(choice)
        }
        return choices
    }

    // MARK: - Facts

    private mutating func decodeFacts(_ node: YAMLNode) -> [FactDefinition] {
        guard let items = reader.list(node, "'facts'") else { return [] }

        var facts: [FactDefinition] = []
        for item in items {
            guard
                let entries = reader.mapping(
                    item, "a fact", required: ["id", "kind", "meaning"], optional: ["values"]),
                let idNode = entries["id"], let id = reader.text(idNode, "a fact's 'id'"),
                let kindNode = entries["kind"], let kindName = reader.text(kindNode, "'kind'")
            else { continue }
            if facts.contains(where: { $0.id.rawValue == id }) {
                reader.error(at: idNode.location, "fact '\(id)' is defined twice")
                continue
            }

            let kind: FactDefinition.Kind
            switch kindName {
            case "boolean":
                if let values = entries["values"] {
                    reader.error(
                        at: values.location, "a boolean fact takes no 'values'",
                        note: "its values are true and false")
                }
                kind = .boolean
            case "choice":
                guard let valuesNode = entries["values"] else {
                    reader.error(at: item.location, "choice fact '\(id)' is missing 'values'")
                    continue
                }
                let words = reader.words(valuesNode, "the values of '\(id)'") ?? []
                kind = .choice(words.map(\.0))
            default:
                reader.error(
                    at: kindNode.location, "unknown kind '\(kindName)'",
                    note: "expected 'boolean' or 'choice'")
                continue
            }
            let meaning = entries["meaning"].flatMap {
                reader.localized($0, "'meaning'", freeText: true)
            }
            if let meaning {
                facts.append(FactDefinition(id: FactID(id), kind: kind, meaning: meaning))
            }
        }
        return facts
    }

    // MARK: - Rules

    private mutating func decodeRules(
        _ node: YAMLNode, fields: [Field], facts: [FactDefinition]
    ) -> [Rule] {
        guard let items = reader.list(node, "'rules'") else { return [] }

        var rules: [Rule] = []
        var overrideNodes: [(rule: Int, names: [(String, SourceLocation)])] = []
        for item in items {
            guard
                let entries = reader.mapping(
                    item, "a rule", required: ["id", "source", "when", "then", "explanation"],
                    optional: ["contact_within_hours", "overrides"]),
                let idNode = entries["id"], let id = reader.text(idNode, "a rule's 'id'")
            else { continue }
            if rules.contains(where: { $0.id.rawValue == id }) {
                reader.error(at: idNode.location, "rule '\(id)' is defined twice")
                continue
            }

            let source = entries["source"].flatMap { reader.text($0, "'source'") }
            let conditions = entries["when"].flatMap { decodeConditions($0, facts: facts) }
            let outcome = entries["then"].flatMap { decodeOutcome($0, fields: fields) }
            let explanation = entries["explanation"].flatMap {
                reader.localized($0, "'explanation'", freeText: true)
            }
            let hours = entries["contact_within_hours"].flatMap {
                reader.integer($0, "'contact_within_hours'", in: 1...10_000)
            }
            guard let source, let conditions, let outcome, let explanation else { continue }

            if let names = entries["overrides"].flatMap({ reader.words($0, "'overrides'") }) {
                overrideNodes.append((rules.count, names))
            }
            rules.append(
                Rule(
                    id: RuleID(id), source: source, conditions: conditions, outcome: outcome,
                    contactDeadline: hours.map(ContactDeadline.init), explanation: explanation,
                    origin: item.location))
        }

        // Overrides may name rules written further down, so they are resolved last.
        for (index, names) in overrideNodes {
            for (name, location) in names {
                guard rules.contains(where: { $0.id.rawValue == name }) else {
                    reader.error(
                        at: location, "'overrides' names unknown rule '\(name)'",
                        note: NodeReader.suggestion(
                            for: name, among: rules.map(\.id.rawValue)))
                    continue
                }
                rules[index].overrides.insert(RuleID(name))
            }
        }
        return rules
    }

    /// A `when:` mapping: each fact to one value or a list of values.
    private mutating func decodeConditions(
        _ node: YAMLNode, facts: [FactDefinition]
    ) -> [FactID: Set<FactValue>]? {
        guard case .mapping(let entries) = node.content else {
            reader.error(at: node.location, "'when' should be a mapping of facts to values")
            return nil
        }

        var conditions: [FactID: Set<FactValue>] = [:]
        for (key, value) in entries {
            guard case .scalar(let name, _) = key.content else { continue }
            guard let fact = facts.first(where: { $0.id.rawValue == name }) else {
                reader.error(
                    at: key.location, "unknown fact '\(name)'",
                    note: NodeReader.suggestion(for: name, among: facts.map(\.id.rawValue)))
                continue
            }
            let valueNodes: [YAMLNode]
            if case .sequence(let items) = value.content {
                valueNodes = items
            } else {
                valueNodes = [value]
            }
            let factReader = FactReader(fact: fact)
            let values = valueNodes.compactMap { factReader.read($0, &reader) }
            if values.count == valueNodes.count { conditions[fact.id] = Set(values) }
        }
        return conditions
    }

    /// A `then:` mapping: each field to the label of one of its choices.
    private mutating func decodeOutcome(_ node: YAMLNode, fields: [Field]) -> [FieldID: String]? {
        guard case .mapping(let entries) = node.content else {
            reader.error(at: node.location, "'then' should be a mapping of fields to labels")
            return nil
        }
        if entries.isEmpty { reader.error(at: node.location, "'then' decides no field") }

        var outcome: [FieldID: String] = [:]
        for (key, value) in entries {
            guard case .scalar(let name, _) = key.content else { continue }
            guard let field = fields.first(where: { $0.id.rawValue == name }) else {
                reader.error(
                    at: key.location, "unknown field '\(name)'",
                    note: NodeReader.suggestion(for: name, among: fields.map(\.id.rawValue)))
                continue
            }
            if let label = ChoiceReader(field: field).read(value, &reader) {
                outcome[field.id] = label
            }
        }
        return outcome
    }

    // MARK: - Silences

    private mutating func decodeSilences(
        _ node: YAMLNode, fields: [Field], facts: [FactDefinition]
    ) -> [Silence] {
        guard let items = reader.list(node, "'silent'") else { return [] }

        return items.compactMap { item in
            guard
                let entries = reader.mapping(
                    item, "a silence", required: ["when", "fields", "note"]),
                let conditions = entries["when"].flatMap({ decodeConditions($0, facts: facts) }),
                let names = entries["fields"].flatMap({ reader.words($0, "'fields'") }),
                let note = entries["note"].flatMap({
                    reader.localized($0, "'note'", freeText: true)
                })
            else { return nil }

            var silentFields: [FieldID] = []
            for (name, location) in names {
                if fields.contains(where: { $0.id.rawValue == name }) {
                    silentFields.append(FieldID(name))
                } else {
                    reader.error(
                        at: location, "unknown field '\(name)'",
                        note: NodeReader.suggestion(for: name, among: fields.map(\.id.rawValue)))
                }
            }
            return Silence(
                conditions: conditions, fields: silentFields, note: note, origin: item.location)
        }
    }
}
