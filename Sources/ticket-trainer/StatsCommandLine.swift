import Foundation
import TicketTrainerCore
import TicketTrainerStorage
import TicketTrainerTerminal

/// `ticket-trainer stats`: accuracy per field and per rule, the weakest rules first, with
/// bars; `--all` does the same over every trainee on the machine and lists them.
struct StatsCommandLine {
    let options: Options
    let language: Language

    private var romanian: Bool { language == .romanian }

    func run() -> Int32 {
        guard let store = Trainee.openStore(options) else { return 1 }
        let trainee = options.everyone ? nil : Trainee.name(options)
        let accuracy: Accuracy
        do {
            accuracy = try store.accuracy(trainee: trainee)
        } catch {
            Diagnostics.fail(error.description)
            return 1
        }
        let weakestFirst = accuracy.byRule.sorted {
            ($0.share, $0.name) < ($1.share, $1.name)
        }

        if options.json {
            Console.output.line(json(accuracy, rules: weakestFirst, trainee: trainee))
            return 0
        }
        guard !accuracy.byField.isEmpty else {
            Console.output.line(romanian ? "Încă nu există răspunsuri." : "No answers yet.")
            return 0
        }

        let style = Style.detect()
        let who = trainee ?? (romanian ? "toți cursanții" : "every trainee")
        Console.output.line(style.bold((romanian ? "Pe câmpuri, " : "By field, ") + who + ":"))
        let fields = FieldNames(
            language, forResultsOn: (try? store.lessons(trainee: trainee)) ?? [])
        table(
            accuracy.byField.sorted { fields.lessonOrder($0.name, $1.name) }.map { tally in
                var named = tally
                named.name = fields.name(of: tally.name)
                return named
            }, style: style)
        Console.output.line(
            style.bold(romanian ? "Pe reguli, cele mai slabe întâi:" : "By rule, weakest first:"))
        table(weakestFirst, style: style)
        Console.output.line(
            style.bold(romanian ? "În timp, pe încercări:" : "Over time, by attempt:"))
        table(accuracy.byAttempt.suffix(20).map(readable), style: style)
        if trainee == nil {
            Console.output.line(
                (romanian ? "Cursanți: " : "Trainees: ")
                    + accuracy.trainees.map { SafeText.visible($0) }.joined(separator: ", "))
        }
        return 0
    }

    /// "2026-12-04T17:23:57Z test" as "2026-12-04 17:23 test".
    private func readable(_ tally: Tally) -> Tally {
        var shown = tally
        shown.name = tally.name.replacingOccurrences(of: "T", with: " ")
            .replacingOccurrences(of: #":\d\dZ"#, with: "", options: .regularExpression)
        return shown
    }

    /// One aligned row a tally: name, a 20-column bar, percent, right/total.
    private func table(_ tallies: [Tally], style: Style) {
        let width = tallies.map { DisplayWidth.of($0.name) }.max() ?? 0
        let strings = Strings(language)
        for tally in tallies {
            let filled = Int((tally.share * 20).rounded())
            let bar =
                style.usesUnicode
                ? String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
                : String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
            let percent = strings.formatPercent(tally.share * 100)
            Console.output.line(
                "  " + DisplayWidth.pad(SafeText.visible(tally.name), to: width) + "  " + bar + "  "
                    + DisplayWidth.pad(percent, to: 6) + "  \(tally.right)/\(tally.total)")
        }
    }

    private func json(_ accuracy: Accuracy, rules: [Tally], trainee: String?) -> String {
        let encode = { (tally: Tally) -> [String: Any] in
            ["name": tally.name, "right": tally.right, "total": tally.total]
        }
        let object: [String: Any] = [
            "trainee": trainee ?? NSNull(),
            "fields": accuracy.byField.map(encode),
            "rules": rules.map(encode),
            "attempts": accuracy.byAttempt.map(encode),
            "trainees": accuracy.trainees,
        ]
        return JSONText.render(object)
    }
}
