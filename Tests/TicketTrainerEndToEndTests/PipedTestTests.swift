import Foundation
import Testing

/// The final test answered through a pipe, with `--json`, as a script or CI would.
@Suite("final test through a pipe")
struct PipedTestTests {
    /// The bundled final test in file order, each ticket's answer worked out by hand from
    /// the lesson: the fault rules (ex. 1-3), escalation to Service soluție when remote
    /// help failed, how-to questions, and the values the scenarios state where the lesson
    /// is silent (fiscal and pre-classified service tickets).
    static let answerKey: [(id: String, answer: [String])] = [
        ("resita-supermarket-all-tills-no-db", ["HelpDesk", "Ridicată", "Critică"]),
        ("hunedoara-fast-food-receipt-error", ["HelpDesk", "Ridicată", "Critică"]),
        ("giurgiu-pork-butcher-scale-stuck-zero", ["HelpDesk", "Normală", "Critică"]),
        ("miercurea-ciuc-toy-shop-red-message", ["HelpDesk", "Normală", "Critică"]),
        ("calarasi-pharmacy-after-power-cut", ["HelpDesk", "Redusă", "Redusă"]),
        ("vaslui-bus-station-kiosk-wrong-order", ["HelpDesk", "Redusă", "Redusă"]),
        ("targoviste-confectionery-db-service-dead", ["Service soluție", "Ridicată", "Critică"]),
        ("botosani-pet-shop-entrance-till-offline", ["Service soluție", "Normală", "Critică"]),
        ("zalau-furniture-program-uninstalled", ["Service soluție", "Redusă", "Redusă"]),
        ("medias-cafe-loyalty-discount", ["HelpDesk", "Redusă", "Funcționalitate"]),
        ("targu-jiu-electrical-stock-transfer", ["HelpDesk", "Redusă", "Funcționalitate"]),
        ("sfantu-gheorghe-fuel-shift-x-report", ["HelpDesk", "Redusă", "Funcționalitate"]),
        (
            "alexandria-haberdashery-closing-handover",
            ["Asistență fiscală", "Redusă", "Funcționalitate"]
        ),
        (
            "slobozia-tobacconist-cigarette-prices",
            ["Asistență fiscală", "Normală", "Funcționalitate"]
        ),
        ("mangalia-drive-in-printer-rain-damage", ["Service soluție", "Normală", "Critică"]),
    ]

    /// The menus in the order they are asked: type, priority, severity.
    static let menus = [
        ["HelpDesk", "Service soluție", "Asistență fiscală"],
        ["Ridicată", "Normală", "Redusă"],
        ["Critică", "Redusă", "Funcționalitate"],
    ]

    /// A wrong answer for each field of a ticket: the next choice in that field's menu.
    static func wrong(_ answer: [String]) -> [String] {
        zip(menus, answer).map { menu, label in
            let index = menu.firstIndex(of: label) ?? 0
            return menu[(index + 1) % menu.count]
        }
    }

    func runTest(_ lines: [String], extra: [String] = []) throws -> [String: Any] {
        let run = try Harness.run(
            ["test", "--in-order", "--json", "--lang", "en"] + extra,
            input: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "stderr: \(run.errors)")
        let data = Data(run.output.utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("every answer right scores 100% and passes")
    func allRight() throws {
        let lines = Self.answerKey.map { $0.answer.joined(separator: ", ") }
        let result = try runTest(lines)

        #expect(result["score"] as? Int == 45)
        #expect(result["max"] as? Int == 45)
        #expect(result["percent"] as? Double == 100)
        #expect(result["passed"] as? Bool == true)
        let questions = try #require(result["questions"] as? [[String: Any]])
        #expect(questions.map { $0["id"] as? String } == Self.answerKey.map(\.id))
        for question in questions {
            let correct = question["correct"] as? [String: Bool]
            #expect(correct == ["type": true, "priority": true, "severity": true])
        }
    }

    @Test("every answer wrong scores 0 and fails")
    func allWrong() throws {
        let lines = Self.answerKey.map { Self.wrong($0.answer).joined(separator: ",") }
        let result = try runTest(lines)

        #expect(result["score"] as? Int == 0)
        #expect(result["max"] as? Int == 45)
        #expect(result["percent"] as? Double == 0)
        #expect(result["passed"] as? Bool == false)
    }

    @Test("answers one field a line, without diacritics, by alias and by number")
    func oneFieldALine() throws {
        // Ticket 1 is HelpDesk, Ridicată, Critică: the English alias, the bare label and
        // the menu number; ticket 2 the same by prefixes; the rest are left unanswered.
        let lines = ["remote", "ridicata", "1", "help desk", "ri", "crit"]
        let result = try runTest(lines)

        // The test stops after ticket 2, so it is not graded yet: only the answers show.
        #expect(result["score"] == nil)
        #expect(result["finished"] as? Bool == false)
        #expect(result["passed"] as? Bool == false)
        let questions = try #require(result["questions"] as? [[String: Any]])
        #expect(questions.count == 2)
        let right = ["type": "HelpDesk", "priority": "Ridicată", "severity": "Critică"]
        #expect(questions.map { $0["answers"] as? [String: String] } == [right, right])
    }

    @Test("an unknown answer is asked again, never scored")
    func unknownAnswerIsAskedAgain() throws {
        let lines = ["banana", "HelpDesk, Ridicată, Critică"]
        let run = try Harness.run(
            ["test", "--in-order", "--lang", "en"], input: lines.joined(separator: "\n") + "\n")

        #expect(run.output.contains("'banana' is not a choice for Type"))
        #expect(run.output.contains("You gave") == false)
        #expect(run.output.contains("1 of 15 tickets done"))
    }

    @Test("the same seed asks in the same order; the order is not the file's")
    func seedRepeatsOrder() throws {
        let lines = Array(repeating: "1,1,1", count: 15)
        func order(_ seed: String) throws -> [String] {
            let run = try Harness.run(
                ["test", "--json", "--seed", seed], input: lines.joined(separator: "\n") + "\n")
            let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8))
            let questions = (object as? [String: Any])?["questions"] as? [[String: Any]] ?? []
            return questions.compactMap { $0["id"] as? String }
        }
        let first = try order("42")
        #expect(first.count == 15)
        #expect(try order("42") == first)
        #expect(Set(first) == Set(Self.answerKey.map(\.id)))
        #expect(first != Self.answerKey.map(\.id))
    }

    @Test("piped output has no colour even when asked for a terminal's TERM")
    func pipedOutputIsPlain() throws {
        let run = try Harness.run(
            ["practice", "--in-order", "--lang", "ro"], input: "1,1,1\n",
            environment: ["TERM": "xterm-256color"])
        #expect(!run.output.contains("\u{1B}["))
        #expect(run.output.contains("Regula sales-stopped"))
    }

    @Test("a wrong option names the option and what would be right")
    func wrongOption() throws {
        let run = try Harness.run(["test", "--sed", "4"])
        #expect(run.status == 2)
        #expect(run.errors.contains("unknown option '--sed'; did you mean '--seed'?"))

        let language = try Harness.run(["--lang", "fr"])
        #expect(language.status == 2)
        #expect(language.errors.contains("'--lang fr': expected 'ro' or 'en'"))

        // '--due' picks the practice tickets due for review; the final test asks them all.
        let due = try Harness.run(["test", "--due"])
        #expect(due.status == 2)
        #expect(due.errors.contains("'--due' does not apply to 'test'; it is for: 'practice'"))

        let lesson = Harness.root.appendingPathComponent("Lessons/crm-ticket-monitor.yaml").path
        let swapped = try Harness.run(["practice", "--scenarios", lesson])
        #expect(swapped.status == 1)
        #expect(swapped.errors.contains("'\(lesson)' is a lesson file, given with --scenarios"))

        let format = try Harness.run(["practice", "--format", "json"])
        #expect(format.status == 2)
        #expect(
            format.errors.contains(
                "'--format' does not apply to 'practice'; it is for: 'validate', 'report'"))
    }

    @Test("validate: one scenario file, swapped options, and paths that begin with '-'")
    func validateFromTheCommandLine() throws {
        let practice = Harness.root.appendingPathComponent("Scenarios/practice.yaml").path
        let lesson = Harness.root.appendingPathComponent("Lessons/crm-ticket-monitor.yaml").path

        // The bundled lesson joins to check the file, without its own five warnings.
        let one = try Harness.run(["validate", "--lang", "en", practice])
        #expect(one.status == 0)
        #expect(one.output.contains("0 errors, 0 warnings in 2 files"))

        let swapped = try Harness.run(["validate", "--scenarios", lesson])
        #expect(swapped.status == 2)
        #expect(swapped.errors.contains("is a lesson file, given with --scenarios"))

        let dashed = try Harness.run(["validate", "--lang", "en", "--", "-not-there.yaml"])
        #expect(dashed.status == 1)
        #expect(dashed.output.contains("-not-there.yaml:1:1: error: no such file"))

        let late = try Harness.run(["--due", "test"])
        #expect(late.status == 2)
        #expect(late.errors.contains("the command comes first: 'ticket-trainer test ...'"))
    }

    @Test("output that cannot be written, to a full disk, fails the run and says why")
    func fullDisk() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Harness.binary)
        process.arguments = ["validate"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["TICKET_TRAINER_HOME": Harness.root.path]) { $1 }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = Pipe()
        process.standardOutput = full
        process.standardError = errors
        try process.run()
        let said = String(
            decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        // The bundled files validate cleanly (status 0) when the output can be written.
        #expect(process.terminationStatus == 1)
        #expect(said.contains("could not write the output: No space left on device"))
    }
}
