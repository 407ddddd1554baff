import Foundation
import TicketTrainerCore
import TicketTrainerStorage
import TicketTrainerTerminal

/// `ticket-trainer report [ATTEMPT] --format md|html|csv|json`: one attempt's report.
struct ReportCommandLine {
    let options: Options
    let language: Language

    func run() -> Int32 {
        var attemptID: Int64?
        if let argument = options.arguments.first {
            guard options.arguments.count == 1, let id = Int64(argument) else {
                Console.error.line(
                    "ticket-trainer: error: 'report' takes one attempt number, "
                        + "as 'history' lists them")
                return 2
            }
            attemptID = id
        }
        guard let store = Trainee.openStore(options) else { return 1 }
        let trainee = Trainee.name(options)
        do {
            guard let attempt = try store.attempt(attemptID, trainee: trainee) else {
                Diagnostics.fail(
                    attemptID.map { "\(trainee) has no attempt \($0)" }
                        ?? "\(trainee) has no attempts yet")
                return 1
            }
            guard !attempt.isOpenTest else {
                Diagnostics.fail(
                    "final test \(attempt.id) is not finished; its report comes when it is",
                    note: "'ticket-trainer test --resume' continues it")
                return 1
            }
            let rows = try store.answerRows(of: attempt.id).map { row in
                AttemptReport.Row(
                    ticket: row.position + 1, scenario: row.scenario, field: row.field,
                    given: row.given, expected: row.expected, correct: row.correct, rule: row.rule)
            }
            var report = AttemptReport(
                trainee: trainee, lesson: attempt.lesson, mode: attempt.mode,
                date: attempt.startedAt,
                finished: attempt.status == "finished", passed: attempt.passed, rows: rows,
                strings: Strings(language))
            report.fieldNames = FieldNames(language, forResultsOn: [attempt.lesson]).byID
            switch options.reportFormat ?? "md" {
            case "html": Console.output.write(report.html() + "\n")
            case "csv": Console.output.write(report.csv())
            case "json": Console.output.line(report.json())
            default: Console.output.write(report.markdown())
            }
            return 0
        } catch {
            Diagnostics.fail(error.description)
            return 1
        }
    }
}
