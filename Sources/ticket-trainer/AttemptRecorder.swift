import Foundation
import TicketTrainerCore
import TicketTrainerStorage
import TicketTrainerTerminal

/// Writes each answer to the results database the moment the runner reports it.
final class AttemptRecorder {
    private let store: ResultsStore
    private let attempt: Int64
    private let trainee: String
    private let lesson: String
    /// Whether finished tickets move in the trainee's Leitner boxes (practice only).
    private let schedules: Bool
    /// Set once a write failed; the trainee has been told.
    private(set) var failed = false

    init(store: ResultsStore, attempt: Int64, trainee: String, lesson: String, schedules: Bool) {
        self.store = store
        self.attempt = attempt
        self.trainee = trainee
        self.lesson = lesson
        self.schedules = schedules
    }

    func record(_ event: QuizEvent) {
        do {
            switch event {
            case .answered(let position, let question, let field, let label):
                try store.recordAnswer(
                    attempt: attempt, position: position, question: question, field: field,
                    given: label)
            case .completed(let position, let result):
                try store.recordCompleted(attempt: attempt, position: position, result: result)
                if schedules { try reschedule(result) }
            }
        } catch {
            if !failed { Diagnostics.fail(error.description) }
            failed = true
        }
    }

    private func reschedule(_ result: QuestionResult) throws(StorageError) {
        let id = result.question.scenario.id
        let previous = try store.review(of: id, trainee: trainee, lesson: lesson)
        let review = LeitnerSchedule.review(
            after: previous, scenario: id, allRight: result.mistakes.isEmpty, at: Date())
        try store.saveReview(review, trainee: trainee, lesson: lesson)
    }
}
