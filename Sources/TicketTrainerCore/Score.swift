/// Points out of the points possible, one per graded field, kept as an exact fraction.
public struct Score: Hashable, Sendable {
    public var points: Int
    public var possible: Int

    public init(points: Int, possible: Int) {
        self.points = points
        self.possible = possible
    }

    public init(_ results: [QuestionResult]) {
        self.init(
            points: results.reduce(0) { $0 + $1.points },
            possible: results.reduce(0) { $0 + $1.possible })
    }

    /// The percentage, for display only; pass or fail never uses it.
    public var percent: Double {
        possible == 0 ? 0 : Double(points) * 100 / Double(possible)
    }

    /// Whether the score reaches a pass mark given in percent, compared exactly.
    public func passes(mark: Int) -> Bool {
        possible > 0 && points * 100 >= mark * possible
    }

    /// The score on each field separately.
    public static func byField(_ results: [QuestionResult], fields: [FieldID]) -> [FieldID: Score] {
        var scores: [FieldID: Score] = [:]
        for field in fields {
            let asked = results.filter { $0.question.fields.contains(field) }
            scores[field] = Score(
                points: asked.filter { $0.isCorrect(field) }.count, possible: asked.count)
        }
        return scores
    }
}
