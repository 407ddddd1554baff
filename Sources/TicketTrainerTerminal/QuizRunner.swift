import TicketTrainerCore

/// Runs a quiz session against a line reader and a screen: asks each field, takes
/// commands, gives practice feedback at once, and hands every answer to `record` as it
/// is given.
public final class QuizRunner {
    public private(set) var session: QuizSession
    private let reader: LineReader
    private let screen: QuizScreen
    private let record: (QuizEvent) -> Void

    /// How the run ended.
    public enum Ending: Sendable {
        /// Every ticket was answered.
        case finished
        /// The trainee quit or closed the input before the end.
        case stopped
    }

    public init(
        session: QuizSession, reader: LineReader, screen: QuizScreen,
        record: @escaping (QuizEvent) -> Void = { _ in }
    ) {
        self.session = session
        self.reader = reader
        self.screen = screen
        self.record = record
    }

    /// Asks until the tickets run out or the trainee stops, then shows the summary.
    @discardableResult
    public func run() -> Ending {
        screen.header(mode: session.mode, count: session.questions.count)
        if reader.echoesInput { screen.keysHint() }
        guard !session.questions.isEmpty else {
            screen.say(screen.strings.nothingToAsk)
            return .finished
        }

        let ending = askAll()
        summarize(ending)
        return ending
    }

    private func askAll() -> Ending {
        var shownQuestion: Int? = nil
        var shownField: FieldID? = nil

        while let question = session.currentQuestion, let field = session.currentField {
            if shownQuestion != session.results.count {
                shownQuestion = session.results.count
                shownField = nil
                screen.ticket(question, number: session.position, of: session.questions.count)
            }
            if shownField != field.id {
                shownField = field.id
                screen.menu(field)
            }

            let completions = field.choices.map { [$0.label, $0.english] }
            switch reader.readLine(prompt: screen.prompt(for: field), completions: completions) {
            case .interrupted:
                continue
            case .endOfInput:
                return .stopped
            case .line(let line):
                if let command = QuizCommand(line) {
                    if !perform(command, on: question) { return .stopped }
                    continue
                }
                take(line, on: question)
            }
        }
        return .finished
    }

    /// Applies an answer line, telling the trainee when it is not understood.
    private func take(_ line: String, on question: Question) {
        guard let outcome = session.answer(line) else { return }
        switch outcome {
        case .rejected(let field, let text, let match):
            screen.rejected(text, field: field, match: match)
        case .wrongCount(let expected, let given):
            screen.say(screen.strings.wrongCount(expected: expected.map(screen.name), given: given))
        case .accepted(let chosen, let completed):
            // A finished ticket is recorded whole by `finished`; otherwise each field now.
            guard let completed else {
                for (field, choice) in chosen.sorted(by: { $0.key < $1.key }) {
                    record(
                        .answered(
                            position: session.results.count, question: question, field: field,
                            label: choice.label))
                }
                return
            }
            finished(completed)
        }
    }

    private func finished(_ result: QuestionResult) {
        record(.completed(position: session.results.count - 1, result: result))
        if session.mode == .practice { screen.feedback(result) }
    }

    /// Carries out a command; false when the trainee wants to stop.
    private func perform(_ command: QuizCommand, on question: Question) -> Bool {
        let strings = screen.strings
        switch command {
        case .help:
            screen.help(for: session.mode)
        case .hint:
            if session.mode == .practice {
                screen.hint(for: question)
            } else {
                screen.say(strings.noHintsInTest)
            }
        case .lesson:
            if session.mode == .practice {
                screen.lessonRules()
            } else {
                screen.say(strings.noLessonInTest)
            }
        case .skip:
            screen.say(strings.skipped(question.scenario.id))
            if let result = session.skip() { finished(result) }
        case .score:
            if session.mode == .practice {
                screen.score(session.score)
            } else {
                screen.say(
                    strings.progress(answered: session.results.count, of: session.questions.count))
            }
        case .quit:
            return false
        }
        return true
    }

    private func summarize(_ ending: Ending) {
        let strings = screen.strings
        switch (session.mode, ending) {
        case (.finalTest, .finished):
            screen.testResult(session)
        case (.finalTest, .stopped):
            screen.say()
            // With nothing answered nothing is kept, so there is nothing to resume.
            screen.paragraph(
                session.hasAnswers
                    ? strings.unfinished(
                        answered: session.results.count, of: session.questions.count)
                    : strings.notBegun)
        case (.practice, _):
            screen.say()
            screen.say(screen.style.bold(strings.practiceOver))
            if !session.results.isEmpty {
                screen.score(session.score)
                screen.breakdown(session.results)
            }
        }
    }
}

/// Something that happened in a quiz, for whoever keeps the record.
public enum QuizEvent: Sendable {
    /// One field of the ticket at `position` (0-based) was answered.
    case answered(position: Int, question: Question, field: FieldID, label: String)
    /// The ticket at `position` is done: all fields answered, or skipped.
    case completed(position: Int, result: QuestionResult)
}
