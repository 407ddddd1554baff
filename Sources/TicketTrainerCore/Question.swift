/// One ticket put to the trainee, with the fields that are graded on it.
public struct Question: Hashable, Sendable {
    public var key: AnswerKey
    /// The graded fields, in the lesson's order; the trainee is asked exactly these.
    public var fields: [FieldID]

    public var scenario: Scenario { key.scenario }

    public init(scenario: Scenario, engine: RuleEngine) {
        self.key = AnswerKey(scenario: scenario, engine: engine)
        self.fields = key.gradedFields(in: engine.lesson)
    }

    /// Fields of the lesson that this ticket does not grade, with the reason.
    public func ungradedFields(in lesson: Lesson) -> [(field: Field, silence: Silence?)] {
        lesson.fields.compactMap { field in
            guard case .notGraded(let silence) = key[field.id] else { return nil }
            return (field, silence)
        }
    }
}

/// How a ticket went: the label given for each field, or none where it was skipped.
public struct QuestionResult: Hashable, Sendable {
    public var question: Question
    public var answers: [FieldID: String]

    public init(question: Question, answers: [FieldID: String]) {
        self.question = question
        self.answers = answers
    }

    public func isCorrect(_ field: FieldID) -> Bool {
        guard let right = question.key[field].label else { return false }
        return answers[field] == right
    }

    public var points: Int { question.fields.filter(isCorrect).count }

    public var possible: Int { question.fields.count }

    /// The graded fields answered wrongly or not at all.
    public var mistakes: [FieldID] { question.fields.filter { !isCorrect($0) } }
}
