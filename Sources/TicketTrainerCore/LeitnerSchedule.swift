import Foundation

/// Where a scenario stands in a trainee's Leitner boxes (Leitner, 1972): a ticket answered
/// fully right moves up a box and comes back later; one with any mistake goes back to box 1
/// and comes back at once.
public struct Review: Hashable, Sendable {
    public var scenario: String
    /// 1 (weakest) to `LeitnerSchedule.boxes`.
    public var box: Int
    public var due: Date

    public init(scenario: String, box: Int, due: Date) {
        self.scenario = scenario
        self.box = box
        self.due = due
    }
}

/// The spaced-practice schedule: five boxes, reviewed after 0, 1, 3, 7 and 14 days.
public enum LeitnerSchedule {
    public static let boxes = 5
    static let intervalDays = [0, 1, 3, 7, 14]

    /// The review after answering a ticket, right (every graded field) or not.
    public static func review(
        after previous: Review?, scenario: String, allRight: Bool, at now: Date
    ) -> Review {
        let box = allRight ? min((previous?.box ?? 1) + 1, boxes) : 1
        let days = intervalDays[box - 1]
        return Review(
            scenario: scenario, box: box, due: now.addingTimeInterval(Double(days) * 86_400))
    }

    /// The order to practise in: tickets due now, weakest box first and longest overdue
    /// first within a box; then tickets never seen, those whose rules the trainee gets
    /// wrong most (`ruleAccuracy`, 0 to 1, lowest first) ahead, else in the given order;
    /// then the rest by how soon they fall due. With `onlyDue`, only the first two groups.
    public static func order(
        _ scenarios: [Scenario], reviews: [String: Review], at now: Date, onlyDue: Bool = false,
        ruleAccuracy: (Scenario) -> Double = { _ in 1 }
    ) -> [Scenario] {
        var due: [(Scenario, Review)] = []
        var unseen: [Scenario] = []
        var later: [(Scenario, Review)] = []
        for scenario in scenarios {
            guard let review = reviews[scenario.id] else {
                unseen.append(scenario)
                continue
            }
            if review.due <= now {
                due.append((scenario, review))
            } else {
                later.append((scenario, review))
            }
        }
        due.sort { ($0.1.box, $0.1.due) < ($1.1.box, $1.1.due) }
        later.sort { $0.1.due < $1.1.due }
        // Each ticket's accuracy is worked out once; a stable sort keeps the given order
        // among tickets whose rules score alike.
        unseen = unseen.enumerated()
            .map { (accuracy: ruleAccuracy($0.element), offset: $0.offset, scenario: $0.element) }
            .sorted { ($0.accuracy, $0.offset) < ($1.accuracy, $1.offset) }
            .map(\.scenario)
        let first = due.map(\.0) + unseen
        return onlyDue ? first : first + later.map(\.0)
    }
}
