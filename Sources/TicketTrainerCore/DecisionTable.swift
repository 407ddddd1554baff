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
        var values: [FactValue]
        /// The place of the value a scenario gets by leaving the fact out, if it has one.
        var placeOfDefault: Int?
    }

    /// Nil when the lesson has more combinations than `limit`.
    init?(lesson: Lesson, limit: Int = sizeLimit, decide: (Facts) -> Decision) {
        let digits = lesson.facts.map { fact in
            Digit(
                fact: fact.id, values: fact.values,
                placeOfDefault: fact.defaultValue.flatMap { fact.values.firstIndex(of: $0) })
        }
        var count = 1
        for digit in digits {
            let (product, overflow) = count.multipliedReportingOverflow(by: digit.values.count)
            guard !overflow, product <= limit, !digit.values.isEmpty else { return nil }
            count = product
        }
        guard count <= limit else { return nil }
        self.digits = digits

        var decisions: [Decision] = []
        decisions.reserveCapacity(count)
        for index in 0..<count {
            var combination: Facts = [:]
            var rest = index
            for digit in digits.reversed() {
                combination[digit.fact] = digit.values[rest % digit.values.count]
                rest /= digit.values.count
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
            if let value = given[digit.fact] {
                place = digit.values.firstIndex(of: value)
            } else {
                place = digit.placeOfDefault
            }
            guard let place else { return nil }
            index = index * digit.values.count + place
        }
        return decisions[index]
    }
}
