import TicketTrainerCore

/// `ticket-trainer explain ID`: a scenario's facts, the rules that fire, and the answer
/// they give, field by field.
public struct ScenarioExplanation {
    let lesson: Lesson
    let scenario: Scenario
    let strings: Strings
    let style: Style
    let columns: Int

    public init(
        lesson: Lesson, scenario: Scenario, strings: Strings, style: Style, columns: Int
    ) {
        self.lesson = lesson
        self.scenario = scenario
        self.strings = strings
        self.style = style
        self.columns = columns
    }

    private var romanian: Bool { strings.language == .romanian }

    public func print() {
        let screen = QuizScreen(
            lesson: lesson, strings: strings, style: style, columns: columns, output: .output)
        let engine = RuleEngine(lesson: lesson)
        let key = AnswerKey(scenario: scenario, engine: engine)
        let facts = engine.completing(scenario.facts)

        screen.say(style.bold(SafeText.visible(scenario.id)))
        if let origin = scenario.origin.scenario { screen.say(style.dim(origin.description)) }
        screen.paragraph(SafeText.visible(scenario.ticket[strings.language]), indent: "  ")

        screen.say()
        screen.say(romanian ? "Fapte:" : "Facts:")
        let width = lesson.facts.map { DisplayWidth.of($0.id.rawValue) }.max() ?? 0
        for fact in lesson.facts {
            guard let value = facts[fact.id] else { continue }
            let implied = scenario.facts[fact.id] == nil
            let note =
                implied
                ? style.dim(romanian ? "  (lipsă, deci false)" : "  (left out, so false)") : ""
            screen.say("  " + DisplayWidth.pad(fact.id.rawValue, to: width) + "  \(value)" + note)
        }

        screen.say()
        screen.say(romanian ? "Reguli care se aplică:" : "Rules that fire:")
        if key.decision.firedRules.isEmpty { screen.say(romanian ? "  niciuna" : "  none") }
        for rule in key.decision.firedRules {
            let decides = lesson.fields.compactMap { field in
                rule.outcome[field.id].map { "\(field.id)=\($0)" }
            }.joined(separator: ", ")
            screen.say(
                "  " + style.accent(strings.rule(rule.id.rawValue, source: rule.source)) + ": "
                    + decides)
            if !rule.overrides.isEmpty {
                let names = rule.overrides.map(\.rawValue).sorted().joined(separator: ", ")
                screen.say(style.dim((romanian ? "    înlocuiește: " : "    overrides: ") + names))
            }
        }

        screen.say()
        screen.say(romanian ? "Răspunsul, pe câmpuri:" : "The answer, field by field:")
        // Labels padded to one width, so that the reasons after them line up.
        let labelWidth = lesson.fields.compactMap { key[$0.id].label }.map(DisplayWidth.of).max()
        for field in lesson.fields {
            let name = DisplayWidth.pad(screen.name(of: field.id), to: screen.nameWidth)
            let verdict: String
            switch key[field.id] {
            case .rule(let label, let rule):
                verdict =
                    DisplayWidth.pad(label, to: labelWidth ?? 0)
                    + style.dim(romanian ? "  prin \(rule.id)" : "  by \(rule.id)")
            case .stated(let label):
                verdict =
                    DisplayWidth.pad(label, to: labelWidth ?? 0)
                    + style.dim("  (\(strings.statedByScenario))")
            case .notGraded(let silence):
                let why = silence.map { ": " + SafeText.visible($0.note[strings.language]) } ?? ""
                verdict = style.warn((romanian ? "nu se notează" : "not graded") + why)
            }
            screen.say("  " + name + "  " + verdict)
        }
        if case .conflict(let rules) = key.decision.verdicts.values.first(where: {
            if case .conflict = $0 { return true } else { return false }
        }) {
            screen.say(
                style.bad(
                    (romanian ? "Reguli în conflict: " : "Conflicting rules: ")
                        + rules.map(\.id.rawValue).joined(separator: ", ")))
        }
        if let contact = key.decision.contact {
            screen.say()
            screen.paragraph(
                strings.contact(hours: contact.deadline.hours, rule: contact.rule.id.rawValue))
        }
    }
}
