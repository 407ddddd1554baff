import TicketTrainerCore
import TicketTrainerStorage
import TicketTrainerTerminal

/// Writes each answer to the results database the moment the runner reports it.
final class AttemptRecorder {
    private let store: ResultsStore
    private let attempt: Int64
    /// Set once a write failed; the trainee has been told.
    private(set) var failed = false

    init(store: ResultsStore, attempt: Int64) {
        self.store = store
        self.attempt = attempt
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
            }
        } catch {
            if !failed { Diagnostics.fail(error.description) }
            failed = true
        }
    }
}
