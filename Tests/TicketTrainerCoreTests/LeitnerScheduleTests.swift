import Foundation
import Testing
import TicketTrainerCore

/// Spaced practice with Leitner boxes: the order of a small history, worked out by hand.
@Suite("Leitner schedule")
struct LeitnerScheduleTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let day: TimeInterval = 86_400

    func scenario(_ id: String) -> Scenario {
        Scenario(id: id, ticket: LocalizedText(id), facts: [:])
    }

    @Test("due tickets first, weakest box and longest overdue first; then unseen; then later")
    func order() {
        let scenarios = ["a", "b", "c", "d", "e"].map(scenario)
        let reviews = [
            "a": Review(scenario: "a", box: 3, due: now.addingTimeInterval(day)),
            "b": Review(scenario: "b", box: 1, due: now.addingTimeInterval(-60)),
            "d": Review(scenario: "d", box: 2, due: now.addingTimeInterval(-day)),
            "e": Review(scenario: "e", box: 1, due: now.addingTimeInterval(-2 * day)),
        ]
        // e and b are in box 1 (e overdue longer), d in box 2; c was never asked; a is
        // not due until tomorrow.
        let all = LeitnerSchedule.order(scenarios, reviews: reviews, at: now)
        #expect(all.map(\.id) == ["e", "b", "d", "c", "a"])

        let due = LeitnerSchedule.order(scenarios, reviews: reviews, at: now, onlyDue: true)
        #expect(due.map(\.id) == ["e", "b", "d", "c"])
    }

    @Test("a right ticket climbs one box and waits longer; a wrong one starts over")
    func review() {
        let first = LeitnerSchedule.review(after: nil, scenario: "s", allRight: true, at: now)
        #expect(first.box == 2)
        #expect(first.due == now.addingTimeInterval(day))

        let top = Review(scenario: "s", box: 5, due: now)
        let stays = LeitnerSchedule.review(after: top, scenario: "s", allRight: true, at: now)
        #expect(stays.box == 5)
        #expect(stays.due == now.addingTimeInterval(14 * day))

        let missed = LeitnerSchedule.review(after: top, scenario: "s", allRight: false, at: now)
        #expect(missed.box == 1)
        #expect(missed.due == now)
    }
}

/// Among tickets never asked, those decided by the rules the trainee gets wrong most go
/// first.
@Suite("Weak rules first")
struct WeakRulesFirstTests {
    @Test("unseen tickets are ordered by the accuracy of their rules, ties kept in order")
    func weakRulesFirst() {
        let scenarios = ["p", "q", "r", "s"].map {
            Scenario(id: $0, ticket: LocalizedText($0), facts: [:])
        }
        let accuracy = ["p": 0.9, "q": 0.2, "r": 0.9, "s": 0.5]
        let order = LeitnerSchedule.order(
            scenarios, reviews: [:], at: Date(timeIntervalSince1970: 0),
            ruleAccuracy: { accuracy[$0.id] ?? 1 })
        #expect(order.map(\.id) == ["q", "s", "p", "r"])
    }
}
