import Foundation
import TicketTrainerCore

/// The result of a run as one JSON object, for scripts and CI.
///
/// A final test that is not finished can still be resumed, so its object holds only what
/// was answered: no score, no right answers, nothing that says which answers were right.
public enum ResultJSON {
    public static func render(_ session: QuizSession, finished: Bool) -> String {
        let score = session.score
        let open = session.mode == .finalTest && !finished
        let questions = session.results.map { result -> [String: Any] in
            let key = result.question.key
            var expected: [String: String] = [:]
            var correct: [String: Bool] = [:]
            var rules: [String: String] = [:]
            for field in result.question.fields {
                expected[field.rawValue] = key[field].label
                correct[field.rawValue] = result.isCorrect(field)
                if case .rule(_, let rule) = key[field] { rules[field.rawValue] = rule.id.rawValue }
            }
            var answers: [String: Any] = [:]
            for field in result.question.fields {
                answers[field.rawValue] = result.answers[field] ?? NSNull()
            }
            if open { return ["id": result.question.scenario.id, "answers": answers] }
            return [
                "id": result.question.scenario.id,
                "answers": answers,
                "expected": expected,
                "correct": correct,
                "rules": rules,
                "points": result.points,
                "max": result.possible,
            ]
        }
        var object: [String: Any] = [
            "lesson": session.lesson.id,
            "mode": session.mode.rawValue,
            "finished": finished,
            "pass_mark": session.lesson.passMark,
            "passed": finished && session.passed,
            "questions": questions,
        ]
        if !open {
            object["score"] = score.points
            object["max"] = score.possible
            object["percent"] = (score.percent * 100).rounded() / 100
        }
        return JSONText.render(object)
    }
}

/// One JSON object as text, keys sorted so that output is stable between runs.
public enum JSONText {
    public static func render(_ object: [String: Any]) -> String {
        let data = try? JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
