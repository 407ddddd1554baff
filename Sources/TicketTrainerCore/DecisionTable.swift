/// The rules' decision for every combination of fact values, worked out once per lesson.
///
/// A lesson's facts take few values, so its tickets fall into few combinations (32 for the
/// bundled lesson), while a bank can hold many thousands of tickets. Deciding a ticket is
/// then finding its combination's place in the table, not firing every rule again.
struct DecisionTable: Sendable {
    /// Tables with more combinations than this are not built; such lessons are decided
    /// rule by rule.
    static let sizeLimit = 4096

    /// The lesson's facts in order, each a digit whose value is the place of the fact's
    /// value among the fact's values.
    private let digits: [Digit]
    private let decisions: [Decision]

    /// One fact, as much of it as placing a value needs.
    private struct Digit: Sendable {
        var fact: FactID
        /// The words of a choice fact; nil for a boolean, whose `true` is 0 and `false` 1.
        var words: [String]?
        var radix: Int
        /// The place of the value a scenario gets by leaving the fact out, if it has one.
        var placeOfDefault: Int?
    }

    /// Nil when the lesson has more combinations than `limit`.
    init?(lesson: Lesson, limit: Int = sizeLimit, decide: (Facts) -> Decision) {
        var count = 1
        for fact in lesson.facts {
            let (product, overflow) = count.multipliedReportingOverflow(by: fact.values.count)
            guard !overflow, product <= limit, !fact.values.isEmpty else { return nil }
            count = product
        }
        guard count <= limit else { return nil }
        digits = lesson.facts.map { fact in
            let placeOfDefault = fact.defaultValue.flatMap { fact.values.firstIndex(of: $0) }
            return switch fact.kind {
            case .boolean:
                Digit(fact: fact.id, words: nil, radix: 2, placeOfDefault: placeOfDefault)
            case .choice(let words):
                Digit(
                    fact: fact.id, words: words, radix: words.count,
                    placeOfDefault: placeOfDefault)
            }
        }

        var decisions: [Decision] = []
        decisions.reserveCapacity(count)
        for index in 0..<count {
            var combination: Facts = [:]
            var rest = index
            for fact in lesson.facts.reversed() {
                let values = fact.values
                combination[fact.id] = values[rest % values.count]
                rest /= values.count
            }
            decisions.append(decide(combination))
        }
        self.decisions = decisions
    }

    /// The decision for these facts, or nil when one of them is missing with no default or
    /// holds a value the lesson does not list.
    func decision(for given: Facts) -> Decision? {
        var index = 0
        for digit in digits {
            let place: Int?
            switch (given[digit.fact], digit.words) {
            case (nil, _): place = digit.placeOfDefault
            case (.boolean(let truth)?, nil): place = truth ? 0 : 1
            case (.choice(let word)?, let words?): place = words.firstIndex(of: word)
            default: place = nil
            }
            guard let place else { return nil }
            index = index * digit.radix + place
        }
        return decisions[index]
    }
}
