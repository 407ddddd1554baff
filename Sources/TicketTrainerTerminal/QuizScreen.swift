import TicketTrainerCore

/// Draws the quiz: tickets, menus, feedback and results, aligned and wrapped for people.
public struct QuizScreen: Sendable {
    public let lesson: Lesson
    public let strings: Strings
    public let style: Style
    public let columns: Int
    let output: Console

    public init(lesson: Lesson, strings: Strings, style: Style, columns: Int, output: Console) {
        self.lesson = lesson
        self.strings = strings
        self.style = style
        self.columns = max(40, min(columns, 100))
        self.output = output
    }

    var language: Language { strings.language }

    func say(_ text: String = "") { output.line(text) }

    func paragraph(_ text: String, indent: String = "") {
        for line in DisplayWidth.wrap(text, columns: columns, indent: indent) { say(line) }
    }

    /// A field's name, as the CRM shows it in this language.
    func name(of field: FieldID) -> String {
        lesson.field(field)?.name[language] ?? field.rawValue
    }

    /// A choice as shown in menus: the CRM label, and its gloss in English.
    func describe(_ choice: Choice) -> String {
        language == .english ? "\(choice.label) (\(choice.english))" : choice.label
    }

    /// The widest field name, so that field rows line up.
    var nameWidth: Int {
        lesson.fields.map { DisplayWidth.of(name(of: $0.id)) }.max() ?? 0
    }

    // MARK: - Asking

    public func header(mode: QuizMode, count: Int) {
        let title = SafeText.visible(lesson.title[language], keepingNewlines: false)
        switch mode {
        case .practice:
            say(style.bold(strings.practiceTitle(title, count: count)))
            say(strings.practiceIntro)
        case .finalTest:
            say(style.bold(strings.testTitle(title, count: count, passMark: lesson.passMark)))
            say(strings.testIntro)
        }
    }

    public func keysHint() { say(style.dim(strings.keysHint)) }

    /// A ticket's heading and text. The scenario's id is not shown: ids are written for
    /// trainers and often give the answer away; practice names it with the feedback.
    public func ticket(_ question: Question, number: Int, of total: Int) {
        say()
        say(style.bold(strings.ticketHeading(number, of: total)))
        let text = SafeText.visible(question.scenario.ticket[language], keepingNewlines: false)
        paragraph(quoted(text), indent: "  ")
        for (field, silence) in question.ungradedFields(in: lesson) {
            let reason = silence.map { SafeText.visible($0.note[language]) }
            say(style.dim(strings.notGraded(field.name[language], because: reason)))
        }
    }

    private func quoted(_ text: String) -> String {
        language == .romanian ? "„\(text)”" : "“\(text)”"
    }

    public func menu(_ field: Field) {
        let items = field.choices.enumerated().map { index, choice in
            style.accent("\(index + 1)") + " " + describe(choice)
        }
        let plainWidth = DisplayWidth.of(field.name[language]) + 2
        let line = field.name[language] + ": " + items.joined(separator: "  ")
        // Colour codes take no room; wrap on the plain text so lines fit the terminal.
        if DisplayWidth.of(stripped(line)) <= columns {
            say(line)
        } else {
            say(field.name[language] + ":")
            for item in items { say(String(repeating: " ", count: plainWidth) + item) }
        }
    }

    public func prompt(for field: Field) -> String {
        style.prompt(field.name[language].lowercased() + "> ")
    }

    private func stripped(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{1B}" {
                inEscape = true
            } else if inEscape {
                if scalar == "m" { inEscape = false }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    public func rejected(_ text: String, field: Field, match: AnswerMatch) {
        // A pasted page is not worth repeating in full.
        let clipped = text.count > 60 ? String(text.prefix(57)) + "..." : text
        let shown = SafeText.visible(clipped, keepingNewlines: false)
        switch match {
        case .empty:
            say(strings.emptyAnswer)
        case .ambiguous(let choices):
            say(strings.ambiguousAnswer(shown, field: field.name[language]))
            say("  " + choices.map(describe).joined(separator: ", "))
        case .unknown, .choice:
            say(strings.unknownAnswer(shown, field: field.name[language]))
            menu(field)
        }
    }

    // MARK: - Feedback

    /// After a practice ticket: each field right or wrong, the rules and the deadline.
    public func feedback(_ result: QuestionResult) {
        let key = result.question.key
        for field in result.question.fields {
            let right = key[field].label ?? ""
            let given = result.answers[field]
            let mark = result.isCorrect(field) ? style.rightMark : style.wrongMark
            var row = "  \(mark) " + DisplayWidth.pad(name(of: field), to: nameWidth) + "  "
            if result.isCorrect(field) {
                row += right
            } else {
                row +=
                    (given ?? strings.unanswered) + ", " + style.bold(strings.rightAnswerIs(right))
            }
            if case .stated = key[field] { row += style.dim("  (\(strings.statedByScenario))") }
            say(row)
        }
        explainRules(for: result.question, indent: "  ")
        // Now that the answers are in, the id can be named, for 'explain' and for trainers.
        say(style.dim("  " + strings.scenarioID(SafeText.visible(result.question.scenario.id))))
    }

    /// Each rule that decided a field of the ticket, once, with its explanation.
    func explainRules(for question: Question, indent: String) {
        var shown: [RuleID] = []
        for field in question.fields {
            guard case .rule(_, let rule) = question.key[field], !shown.contains(rule.id)
            else { continue }
            shown.append(rule.id)
            say(indent + style.accent(strings.rule(rule.id.rawValue, source: rule.source)))
            paragraph(SafeText.visible(rule.explanation[language]), indent: indent + "  ")
        }
        if let contact = question.key.decision.contact {
            paragraph(
                strings.contact(hours: contact.deadline.hours, rule: contact.rule.id.rawValue),
                indent: indent)
        }
    }

    // MARK: - Commands

    public func help(for mode: QuizMode) {
        for line in strings.help(for: mode) { say(line) }
    }

    public func hint(for question: Question) {
        say(strings.hintHeading)
        let facts = RuleEngine(lesson: lesson).completing(question.scenario.facts)
        for definition in lesson.facts {
            guard let value = facts[definition.id] else { continue }
            let meaning = SafeText.visible(definition.meaning[language], keepingNewlines: false)
            switch value {
            case .boolean(let isTrue):
                let answer = isTrue ? strings.yes : strings.no
                paragraph("\(answer.uppercased()): \(meaning)", indent: "  ")
            case .choice(let word):
                paragraph("\(definition.id) = \(word): \(meaning)", indent: "  ")
            }
        }
    }

    public func lessonRules() {
        for rule in lesson.rules {
            let decides = lesson.fields.compactMap { field in
                rule.outcome[field.id].map { "\(field.name[language]) \($0)" }
            }
            say(
                style.accent(strings.rule(rule.id.rawValue, source: rule.source)) + ": "
                    + decides.joined(separator: ", "))
            paragraph(SafeText.visible(rule.explanation[language]), indent: "  ")
        }
    }

    // MARK: - Results

    public func score(_ score: Score) { say(strings.scoreLine(score)) }

    /// The per-field breakdown, aligned.
    public func breakdown(_ results: [QuestionResult]) {
        let fields = lesson.fields.map(\.id)
        let scores = Score.byField(results, fields: fields)
        say(strings.byField)
        for field in fields {
            guard let score = scores[field], score.possible > 0 else { continue }
            let count = "\(score.points)/\(score.possible)"
            say(
                "  " + DisplayWidth.pad(name(of: field), to: nameWidth) + "  "
                    + DisplayWidth.pad(count, to: 7) + strings.formatPercent(score.percent))
        }
    }

    /// The end of the final test: score, pass or fail, breakdown, and every mistake.
    public func testResult(_ session: QuizSession) {
        let score = session.score
        let verdict = session.passed ? style.good(strings.passed) : style.bad(strings.failed)
        say()
        say(
            style.bold(strings.scoreLine(score)) + "  " + verdict + "  "
                + style.dim(strings.passMark(lesson.passMark)))
        breakdown(session.results)
        review(session.results)
    }

    /// Every mistake, with what was given, what was right and the rule behind it.
    public func review(_ results: [QuestionResult]) {
        let wrong = results.filter { !$0.mistakes.isEmpty }
        say(strings.mistakesHeading(wrong.count))
        for result in wrong {
            say("  " + style.bold(result.question.scenario.id))
            let text = SafeText.visible(
                result.question.scenario.ticket[language], keepingNewlines: false)
            paragraph(style.dim(quoted(text)), indent: "    ")
            for field in result.mistakes {
                let right = result.question.key[field].label ?? ""
                // A field the scenario states says so on its own line, not after the rules.
                var line =
                    "    " + style.wrongMark + " " + name(of: field) + ": "
                    + strings.yourAnswer(result.answers[field], right: right)
                if case .stated = result.question.key[field] {
                    line += style.dim("  (\(strings.statedByScenario))")
                }
                say(line)
            }
            explainRulesFor(mistakes: result, indent: "    ")
        }
    }

    private func explainRulesFor(mistakes result: QuestionResult, indent: String) {
        var shown: [RuleID] = []
        for field in result.mistakes {
            switch result.question.key[field] {
            case .rule(_, let rule) where !shown.contains(rule.id):
                shown.append(rule.id)
                say(indent + style.accent(strings.rule(rule.id.rawValue, source: rule.source)))
                paragraph(SafeText.visible(rule.explanation[language]), indent: indent + "  ")
            default:
                break
            }
        }
    }
}
