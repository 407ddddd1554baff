import TicketTrainerCore

/// Every sentence the trainer shows, in Romanian and English.
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private func pick(_ romanian: String, _ english: String) -> String {
        language == .romanian ? romanian : english
    }

    // MARK: - Session

    public func practiceTitle(_ lesson: String, count: Int) -> String {
        pick(
            "\(lesson): exersare, " + tickets(count), "\(lesson): practice, " + tickets(count))
    }

    public func testTitle(_ lesson: String, count: Int, passMark: Int) -> String {
        pick(
            "\(lesson): testul final, " + tickets(count) + ", promovare de la \(passMark)%",
            "\(lesson): final test, " + tickets(count) + ", pass mark \(passMark)%")
    }

    /// "1 tichet", "5 tichete", "20 de tichete"; "1 ticket", "5 tickets".
    public func tickets(_ count: Int) -> String {
        switch language {
        case .romanian:
            // Romanian puts "de" between the noun and a number from 20 up whose last two
            // digits are not 01-19.
            let needsDe = count >= 20 && !(1...19).contains(count % 100)
            return count == 1 ? "1 tichet" : "\(count) " + (needsDe ? "de tichete" : "tichete")
        case .english:
            return count == 1 ? "1 ticket" : "\(count) tickets"
        }
    }

    public var practiceIntro: String {
        pick(
            "Vezi răspunsul corect după fiecare tichet. Scrie „ajutor” pentru comenzi.",
            "You see the right answer after each ticket. Type 'help' for commands.")
    }

    public var testIntro: String {
        pick(
            "Rezultatul apare abia la sfârșit. Scrie „ajutor” pentru comenzi.",
            "The result comes only at the end. Type 'help' for commands.")
    }

    public var keysHint: String {
        pick(
            "Tab completează, ↑ aduce răspunsurile anterioare, Ctrl-D încheie.",
            "Tab completes, ↑ recalls earlier answers, Ctrl-D ends.")
    }

    public func ticketHeading(_ number: Int, of total: Int) -> String {
        pick("Tichetul \(number) din \(total)", "Ticket \(number) of \(total)")
    }

    public func notGraded(_ field: String, because reason: String?) -> String {
        let why = reason.map { ": \($0)" } ?? ""
        return pick(
            "\(field) nu se notează la acest tichet\(why).",
            "\(field) is not graded on this ticket\(why).")
    }

    // MARK: - Answers

    public func unknownAnswer(_ text: String, field: String) -> String {
        pick(
            "„\(text)” nu este o alegere pentru \(field). Alegerile:",
            "'\(text)' is not a choice for \(field). The choices:")
    }

    public func ambiguousAnswer(_ text: String, field: String) -> String {
        pick(
            "„\(text)” se potrivește la mai multe alegeri pentru \(field):",
            "'\(text)' fits more than one choice for \(field):")
    }

    public var emptyAnswer: String {
        pick(
            "Scrie un răspuns, numărul lui sau o comandă.",
            "Type an answer, its number or a command.")
    }

    public func wrongCount(expected: [String], given: Int) -> String {
        pick(
            "Ai dat \(given) răspunsuri; sunt de dat \(expected.count), în ordinea: "
                + expected.joined(separator: ", ") + ".",
            "You gave \(given) answers; \(expected.count) are needed, in this order: "
                + expected.joined(separator: ", ") + ".")
    }

    // MARK: - Feedback

    public var right: String { pick("corect", "right") }
    public var wrong: String { pick("greșit", "wrong") }
    public var unanswered: String { pick("fără răspuns", "no answer") }
    public var statedByScenario: String {
        pick("dat de scenariu; lecția nu decide", "stated by the scenario; the lesson is silent")
    }

    public func rightAnswerIs(_ label: String) -> String {
        pick("corect: \(label)", "right: \(label)")
    }

    public func rule(_ id: String, source: String) -> String {
        pick("Regula \(id) (\(source))", "Rule \(id) (\(source))")
    }

    public func contact(hours: Int, rule: String) -> String {
        pick(
            "Termen de contact: clientul trebuie contactat în cel mult \(hours) "
                + (hours == 1 ? "oră" : "ore") + " de la adăugarea tichetului (\(rule)).",
            "Contact deadline: the client must be contacted within \(hours) "
                + (hours == 1 ? "hour" : "hours") + " of the ticket being added (\(rule)).")
    }

    // MARK: - Commands

    /// The help text; the final test has no hints and no lesson, and tells progress, not
    /// the score.
    public func help(for mode: QuizMode) -> [String] {
        let practice = mode == .practice
        let lines: [String?] = [
            pick(
                "Răspunde cu eticheta din CRM (cu sau fără diacritice), cu traducerea engleză,",
                "Answer with the CRM label (with or without diacritics), the English gloss,"),
            pick(
                "cu numărul din meniu sau cu începutul cuvântului. Trei răspunsuri odată:",
                "the menu number or the start of the word. All three at once:"),
            pick(
                "tip, prioritate, gravitate, despărțite prin virgulă (ex.: 1, 2, 1).",
                "type, priority, severity, separated by commas (e.g. 1, 2, 1)."),
            "",
            practice
                ? pick("  indiciu    faptele tichetului", "  hint       the ticket's facts") : nil,
            practice
                ? pick("  lecție     regulile lecției", "  lesson     the lesson's rules") : nil,
            pick(
                "  sari       treci peste tichet (0 puncte)",
                "  skip       skip the ticket (0 points)"),
            practice
                ? pick("  scor       punctajul de până acum", "  score      the score so far")
                : pick(
                    "  scor       câte tichete ai terminat",
                    "  score      how many tickets are done"),
            pick("  ieșire     încheie", "  quit       end"),
            pick("  ajutor     acest mesaj", "  help       this message"),
        ]
        return lines.compactMap { $0 }
    }

    public var hintHeading: String { pick("Faptele tichetului:", "The ticket's facts:") }
    public var noHintsInTest: String {
        pick("În testul final nu există indicii.", "There are no hints in the final test.")
    }
    public var noLessonInTest: String {
        pick(
            "Lecția nu se poate consulta în timpul testului final.",
            "The lesson cannot be looked up during the final test.")
    }
    public var yes: String { pick("da", "yes") }
    public var no: String { pick("nu", "no") }

    public func skipped(_ id: String) -> String {
        pick("Ai sărit peste \(id).", "Skipped \(id).")
    }

    public func progress(answered: Int, of total: Int) -> String {
        pick(
            "Ai terminat \(answered) din \(total) tichete.",
            "You are done with \(answered) of \(total) tickets.")
    }

    public func scoreLine(_ score: Score) -> String {
        let percent = formatPercent(score.percent)
        return pick(
            "Punctaj: \(score.points) din \(score.possible) (\(percent))",
            "Score: \(score.points) of \(score.possible) (\(percent))")
    }

    // MARK: - Results

    public var passed: String { pick("PROMOVAT", "PASSED") }
    public var failed: String { pick("NEPROMOVAT", "FAILED") }

    public func passMark(_ mark: Int) -> String {
        pick("pragul de promovare: \(mark)%", "pass mark: \(mark)%")
    }

    public var byField: String { pick("Pe câmpuri:", "By field:") }

    public func mistakesHeading(_ count: Int) -> String {
        count == 0
            ? pick("Nicio greșeală.", "No mistakes.")
            : pick("Greșeli (\(count)):", "Mistakes (\(count)):")
    }

    public func yourAnswer(_ given: String?, right: String) -> String {
        guard let given else {
            return pick("fără răspuns, corect: \(right)", "not answered, right: \(right)")
        }
        return pick("ai răspuns \(given), corect: \(right)", "you said \(given), right: \(right)")
    }

    /// The scenario's id, for `explain` and for trainers.
    public func scenarioID(_ id: String) -> String {
        pick("scenariul \(id)", "scenario \(id)")
    }

    public var notBegun: String {
        pick(
            "Testul s-a oprit înainte de primul răspuns; nu s-a păstrat nimic.",
            "The test stopped before the first answer; nothing was kept.")
    }

    public func unfinished(answered: Int, of total: Int) -> String {
        pick(
            "Testul nu s-a încheiat: ai terminat \(answered) din \(total) tichete. Răspunsurile "
                + "sunt păstrate; „ticket-trainer test --resume” îl continuă.",
            "The test was not finished: \(answered) of \(total) tickets done. Your answers are "
                + "kept; 'ticket-trainer test --resume' continues it.")
    }

    public var practiceOver: String { pick("Exersarea s-a încheiat.", "Practice is over.") }
    public var nothingToAsk: String {
        pick("Niciun tichet de întrebat.", "There are no tickets to ask.")
    }

    public func formatPercent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        let text =
            rounded == rounded.rounded() ? String(Int(rounded)) : String(format1(rounded))
        return (language == .romanian ? text.replacingOccurrences(of: ".", with: ",") : text) + "%"
    }

    private func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false)
            .joined(separator: replacement)
    }
}
