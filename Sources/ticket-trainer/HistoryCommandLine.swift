import Foundation
import TicketTrainerCore
import TicketTrainerStorage
import TicketTrainerTerminal

/// `ticket-trainer history`: every attempt with its date, mode, score and outcome.
struct HistoryCommandLine {
    let options: Options
    let language: Language

    func run() -> Int32 {
        guard let store = Trainee.openStore(options) else { return 1 }
        let trainee = Trainee.name(options)
        let attempts: [AttemptRecord]
        do {
            attempts = try store.attempts(trainee: trainee)
        } catch {
            Diagnostics.fail(error.description)
            return 1
        }

        if options.json {
            Console.output.line(json(attempts))
            return 0
        }
        let romanian = language == .romanian
        guard !attempts.isEmpty else {
            Console.output.line(
                romanian
                    ? "\(trainee) nu are încă nicio încercare." : "\(trainee) has no attempts yet.")
            return 0
        }

        let style = Style.detect()
        let dates = DateText()
        let rows = attempts.map { attempt -> [String] in
            let mode =
                attempt.mode == .finalTest
                ? (romanian ? "test" : "test") : (romanian ? "exersare" : "practice")
            // A final test's score shows once it is finished, not while it can go on.
            let score =
                attempt.isOpenTest
                ? "-"
                : attempt.possible.map { possible in
                    let points = attempt.score ?? 0
                    let percent = Score(points: points, possible: possible).percent
                    return "\(points)/\(possible)  " + Strings(language).formatPercent(percent)
                } ?? "-"
            let outcome: String
            switch (attempt.status, attempt.passed) {
            case ("finished", true?): outcome = style.good(Strings(language).passed)
            case ("finished", false?): outcome = style.bad(Strings(language).failed)
            case ("finished", nil): outcome = romanian ? "încheiată" : "finished"
            case ("stopped", _): outcome = romanian ? "oprită" : "stopped"
            default: outcome = romanian ? "neterminată" : "unfinished"
            }
            return [
                "\(attempt.id)", dates.minute(attempt.startedAt), mode, score, outcome,
            ]
        }
        // The number is what 'report N' takes.
        let headers =
            romanian
            ? ["nr", "data", "mod", "punctaj", "rezultat"]
            : ["no", "date", "mode", "score", "outcome"]
        let widths = (0..<4).map { column in
            ([headers[column]] + rows.map { $0[column] }).map(DisplayWidth.of).max() ?? 0
        }
        let line = { (cells: [String]) -> String in
            (0..<4).map { column in
                column == 0
                    ? String(repeating: " ", count: widths[0] - cells[0].count) + cells[0]
                    : DisplayWidth.pad(cells[column], to: widths[column])
            }.joined(separator: "  ") + "  " + cells[4]
        }
        Console.output.line(style.bold(line(headers)))
        for row in rows { Console.output.line(line(row)) }
        return 0
    }

    private func json(_ attempts: [AttemptRecord]) -> String {
        let formatter = ISO8601DateFormatter()
        let list = attempts.map { attempt -> [String: Any] in
            // A final test's score shows once it is finished, not while it can go on.
            let score = attempt.isOpenTest ? nil : attempt.score
            let possible = attempt.isOpenTest ? nil : attempt.possible
            return [
                "id": attempt.id, "trainee": attempt.trainee, "lesson": attempt.lesson,
                "mode": attempt.mode.rawValue,
                "started_at": formatter.string(from: attempt.startedAt),
                "status": attempt.status, "score": score ?? NSNull(),
                "max": possible ?? NSNull(), "passed": attempt.passed ?? NSNull(),
            ]
        }
        return JSONText.render(["attempts": list])
    }
}
