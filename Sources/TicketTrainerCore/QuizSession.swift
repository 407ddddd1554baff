/// Practice gives feedback after every ticket; the final test gives none until the end.
public enum QuizMode: String, Hashable, Sendable {
    case practice
    case finalTest = "test"
}

/// What one line of input did.
public enum LineOutcome: Hashable, Sendable {
    /// The line answered these fields; `completed` is set when it finished the ticket.
    case accepted([FieldID: Choice], completed: QuestionResult?)
    /// A part of the line matched no choice, or more than one; nothing was recorded.
    case rejected(field: Field, text: String, match: AnswerMatch)
    /// The line held several answers, but not as many as there are fields to answer.
    case wrongCount(expected: [FieldID], given: Int)
}

/// A run of questions, as a state machine that never touches a terminal:
/// ask a field, take an answer, grade the ticket, move on.
public struct QuizSession: Sendable {
    public let lesson: Lesson
    public let mode: QuizMode
    public let questions: [Question]
    public private(set) var results: [QuestionResult] = []
    private var pending: [FieldID: String] = [:]
    private let matchers: [FieldID: AnswerMatcher]

    /// Builds the questions from the scenarios, in the given order. Tickets with no graded
    /// field are left out: there would be nothing to ask.
    public init(lesson: Lesson, scenarios: [Scenario], mode: QuizMode, order: QuizOrder) {
        let engine = RuleEngine(lesson: lesson)
        self.lesson = lesson
        self.mode = mode
        self.questions = order.arrange(scenarios)
            .map { Question(scenario: $0, engine: engine) }
            .filter { !$0.fields.isEmpty }
        self.matchers = Dictionary(
            uniqueKeysWithValues: lesson.fields.map { ($0.id, AnswerMatcher(field: $0)) })
    }

    /// Picks up where an earlier run stopped: the tickets already done, and the fields
    /// already answered on the ticket that was being asked.
    public mutating func restore(_ earlier: [QuestionResult], pending: [FieldID: String] = [:]) {
        results = Array(earlier.prefix(questions.count))
        self.pending = isFinished ? [:] : pending
    }

    public var isFinished: Bool { results.count >= questions.count }

    /// Whether anything at all was answered, a field of the current ticket included.
    public var hasAnswers: Bool { !results.isEmpty || !pending.isEmpty }

    /// The ticket being asked, if any is left.
    public var currentQuestion: Question? {
        isFinished ? nil : questions[results.count]
    }

    /// The field being asked on the current ticket.
    public var currentField: Field? {
        guard let question = currentQuestion else { return nil }
        return remainingFields(of: question).first.flatMap(lesson.field)
    }

    /// 1-based number of the current ticket, for "ticket 3 of 12".
    public var position: Int { min(results.count + 1, questions.count) }

    public func matcher(for field: FieldID) -> AnswerMatcher? { matchers[field] }

    /// Takes one line: one answer for the current field, or several separated by commas.
    /// Several answers fill the fields still to answer, or, given one for every field of
    /// the lesson, go to the fields in the lesson's order; fields not graded are ignored.
    public mutating func answer(_ line: String) -> LineOutcome? {
        guard let question = currentQuestion else { return nil }
        let remaining = remainingFields(of: question)
        let parts = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)

        let targets: [FieldID?]
        if parts.count == 1 {
            targets = [remaining.first]
        } else if parts.count == remaining.count {
            targets = remaining
        } else if parts.count == lesson.fields.count && remaining == question.fields {
            targets = lesson.fields.map { question.fields.contains($0.id) ? $0.id : nil }
        } else {
            return .wrongCount(expected: remaining, given: parts.count)
        }

        var chosen: [FieldID: Choice] = [:]
        for (part, target) in zip(parts, targets) {
            guard let target, let field = lesson.field(target), let matcher = matchers[target]
            else { continue }
            guard case .choice(let choice) = matcher.match(part) else {
                return .rejected(field: field, text: part, match: matcher.match(part))
            }
            chosen[target] = choice
        }

        for (field, choice) in chosen { pending[field] = choice.label }
        return .accepted(chosen, completed: completeIfAnswered(question))
    }

    /// Gives up the current ticket: it scores nothing, even for fields already answered,
    /// so that skipping never pays better than answering.
    public mutating func skip() -> QuestionResult? {
        guard let question = currentQuestion else { return nil }
        pending = [:]
        return finish(question)
    }

    public var score: Score { Score(results) }

    /// Whether the whole run passes the lesson's mark; meaningful once finished.
    public var passed: Bool { score.passes(mark: lesson.passMark) }

    private func remainingFields(of question: Question) -> [FieldID] {
        question.fields.filter { pending[$0] == nil }
    }

    private mutating func completeIfAnswered(_ question: Question) -> QuestionResult? {
        remainingFields(of: question).isEmpty ? finish(question) : nil
    }

    private mutating func finish(_ question: Question) -> QuestionResult {
        let result = QuestionResult(question: question, answers: pending)
        results.append(result)
        pending = [:]
        return result
    }
}
