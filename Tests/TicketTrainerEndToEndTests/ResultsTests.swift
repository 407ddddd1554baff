import Foundation
import Testing

/// Results kept across runs: a killed final test resumes with every answer it had, and two
/// trainees on one machine can practise at the same moment.
@Suite("results that last")
struct ResultsTests {
    @Test("SIGKILL in the middle of a piped test loses no answer, and --resume finishes it")
    func killAndResume() throws {
        let data = try Harness.temporaryFolder().path
        let key = PipedTestTests.answerKey

        // Two whole tickets and the type of the third, then wait for the next prompt.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Harness.binary)
        process.arguments = ["test", "--in-order", "--lang", "en"]
        process.environment = [
            "LANG": "C.UTF-8", "TICKET_TRAINER_DATA_DIR": data, "USER": "ioana",
        ]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        let given = [
            key[0].answer.joined(separator: ", "), key[1].answer.joined(separator: ", "),
            key[2].answer[0],
        ]
        input.fileHandleForWriting.write(Data((given.joined(separator: "\n") + "\n").utf8))
        let seen = try waitFor("Ticket 3 of 15", then: "Priority", in: output, seconds: 20)
        #expect(seen)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        // The rest, correctly: the priority and severity of ticket 3, then tickets 4-15.
        let rest =
            [key[2].answer[1...].joined(separator: ", ")]
            + key[3...].map { $0.answer.joined(separator: ", ") }
        let resumed = try Harness.run(
            ["test", "--resume", "--json"], input: rest.joined(separator: "\n") + "\n",
            environment: ["TICKET_TRAINER_DATA_DIR": data, "USER": "ioana"])
        #expect(resumed.status == 0, "stderr: \(resumed.errors)")

        let object = try JSONSerialization.jsonObject(with: Data(resumed.output.utf8))
        let result = try #require(object as? [String: Any])
        #expect(result["finished"] as? Bool == true)
        #expect(result["score"] as? Int == 45)
        #expect(result["passed"] as? Bool == true)
        let questions = try #require(result["questions"] as? [[String: Any]])
        #expect(questions.map { $0["id"] as? String } == key.map(\.id))

        let history = try Harness.run(
            ["history", "--json"], environment: ["TICKET_TRAINER_DATA_DIR": data, "USER": "ioana"])
        let attempts =
            (try JSONSerialization.jsonObject(with: Data(history.output.utf8)) as? [String: Any])?[
                "attempts"] as? [[String: Any]]
        #expect(attempts?.count == 1)
        #expect(attempts?.first?["status"] as? String == "finished")
        #expect(attempts?.first?["score"] as? Int == 45)
    }

    @Test("two trainees finish tests at the same moment on one database")
    func twoAtOnce() async throws {
        let data = try Harness.temporaryFolder().path
        let lines = PipedTestTests.answerKey.map { $0.answer.joined(separator: ", ") }
        let input = lines.joined(separator: "\n") + "\n"

        async let first = Harness.run(
            ["test", "--in-order", "--json", "--trainee", "maria"], input: input,
            environment: ["TICKET_TRAINER_DATA_DIR": data])
        async let second = Harness.run(
            ["test", "--in-order", "--json", "--trainee", "radu"], input: input,
            environment: ["TICKET_TRAINER_DATA_DIR": data])
        let runs = try await [first, second]
        #expect(runs.map(\.status) == [0, 0])

        for trainee in ["maria", "radu"] {
            let history = try Harness.run(
                ["history", "--json", "--trainee", trainee],
                environment: ["TICKET_TRAINER_DATA_DIR": data])
            let object = try JSONSerialization.jsonObject(with: Data(history.output.utf8))
            let attempts = (object as? [String: Any])?["attempts"] as? [[String: Any]]
            #expect(attempts?.count == 1)
            #expect(attempts?.first?["score"] as? Int == 45)
        }
    }

    @Test("a final test that can still go on shows no score, report or stats")
    func noPeekingAtAnOpenTest() throws {
        let data = try Harness.temporaryFolder().path
        let environment = ["TICKET_TRAINER_DATA_DIR": data, "USER": "radu"]
        let first = PipedTestTests.answerKey[0].answer.joined(separator: ", ")

        // One ticket answered, then the input ends: the test stops, open to --resume.
        let stopped = try Harness.run(
            ["test", "--in-order", "--json"], input: first + "\n", environment: environment)
        #expect(stopped.status == 0)
        // Its result object holds the answers given and nothing that grades them.
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(stopped.output.utf8)) as? [String: Any])
        #expect(result["finished"] as? Bool == false)
        #expect(result["score"] == nil)
        let asked = try #require(result["questions"] as? [[String: Any]])
        #expect(asked.count == 1)
        #expect(asked.first?["correct"] == nil && asked.first?["expected"] == nil)

        let history = try Harness.run(["history", "--json"], environment: environment)
        let listed = try #require(
            try JSONSerialization.jsonObject(with: Data(history.output.utf8)) as? [String: Any])
        let attempts = try #require(listed["attempts"] as? [[String: Any]])
        #expect(attempts.count == 1)
        #expect(attempts.first?["score"] is NSNull)

        let report = try Harness.run(["report"], environment: environment)
        #expect(report.status == 1)
        #expect(report.errors.contains("is not finished; its report comes when it is"))

        let stats = try Harness.run(["stats", "--json"], environment: environment)
        let tallies = try #require(
            try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])
        #expect((tallies["fields"] as? [Any])?.isEmpty == true)
    }

    @Test("results on a lesson that is not bundled show its fields by id, not by our names")
    func otherLessonKeepsIds() throws {
        let folder = try Harness.temporaryFolder()
        let lesson = try String(
            contentsOf: Harness.root.appendingPathComponent("Lessons/crm-ticket-monitor.yaml"),
            encoding: .utf8
        ).replacingOccurrences(of: "lesson: crm-ticket-monitor", with: "lesson: other")
        let scenarios = try String(
            contentsOf: Harness.root.appendingPathComponent("Scenarios/practice.yaml"),
            encoding: .utf8
        ).replacingOccurrences(of: "lesson: crm-ticket-monitor", with: "lesson: other")
        let lessonPath = folder.appendingPathComponent("other.yaml").path
        let scenarioPath = folder.appendingPathComponent("other-practice.yaml").path
        try lesson.write(toFile: lessonPath, atomically: true, encoding: .utf8)
        try scenarios.write(toFile: scenarioPath, atomically: true, encoding: .utf8)

        let environment = ["TICKET_TRAINER_DATA_DIR": folder.path, "USER": "dan"]
        let run = try Harness.run(
            ["practice", "--in-order", "--lesson", lessonPath, "--scenarios", scenarioPath],
            input: "1,1,1\n", environment: environment)
        #expect(run.status == 0)

        // 'other' may call its fields anything; our lesson's names would be a guess.
        let stats = try Harness.run(["stats", "--lang", "ro"], environment: environment)
        #expect(Self.fieldNames(inStats: stats.output) == ["priority", "severity", "type"])
    }

    @Test("a session left before any answer leaves no trace in the history")
    func emptySessionLeavesNoTrace() throws {
        let data = try Harness.temporaryFolder().path
        let environment = ["TICKET_TRAINER_DATA_DIR": data, "USER": "mara"]
        _ = try Harness.run(["test"], input: "", environment: environment)
        _ = try Harness.run(["practice"], input: "", environment: environment)
        let history = try Harness.run(["history", "--lang", "en"], environment: environment)
        #expect(history.output.contains("mara has no attempts yet."))
    }

    @Test("stats counts every graded answer by field and by the rule that decides it")
    func statsAfterATest() throws {
        let data = try Harness.temporaryFolder().path
        let lines = PipedTestTests.answerKey.map { $0.answer.joined(separator: ", ") }
        let environment = ["TICKET_TRAINER_DATA_DIR": data, "USER": "dana"]
        let run = try Harness.run(
            ["test", "--in-order"], input: lines.joined(separator: "\n") + "\n",
            environment: environment)
        #expect(run.status == 0)

        let stats = try Harness.run(["stats", "--json"], environment: environment)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any])
        let fields = try #require(object["fields"] as? [[String: Any]])
        for field in fields {
            #expect(field["right"] as? Int == 15)
            #expect(field["total"] as? Int == 15)
        }
        // 45 answers, less the 6 that fiscal and service tickets state themselves (priority
        // and severity of three tickets), are decided by a rule. Sales stopped decides all
        // three fields of two tickets and the priority and severity of one escalated ticket.
        let rules = try #require(object["rules"] as? [[String: Any]])
        #expect(rules.reduce(0) { $0 + ($1["total"] as? Int ?? 0) } == 39)
        let salesStopped = rules.first { $0["name"] as? String == "sales-stopped" }
        #expect(salesStopped?["total"] as? Int == 8)
        #expect(salesStopped?["right"] as? Int == 8)

        // Over time: the one attempt, all 45 answers right.
        let attempts = try #require(object["attempts"] as? [[String: Any]])
        #expect(attempts.count == 1)
        #expect(attempts.first?["right"] as? Int == 45)
        #expect(attempts.first?["total"] as? Int == 45)

        // On screen, fields are named as the lesson names them, in the order it asks them.
        let text = try Harness.run(["stats", "--lang", "ro"], environment: environment)
        #expect(Self.fieldNames(inStats: text.output) == ["Tip", "Prioritate", "Gravitate"])
    }

    /// The first word of each of the three rows under the heading of `stats`' text: the
    /// fields as it names them, in its order.
    static func fieldNames(inStats output: String) -> [String] {
        output.split(separator: "\n").dropFirst().prefix(3)
            .map { $0.split(separator: " ").first.map(String.init) ?? "" }
    }

    @Test("report gives the attempt as Markdown, CSV, JSON and one self-contained page")
    func reportFormats() throws {
        let data = try Harness.temporaryFolder().path
        let key = PipedTestTests.answerKey
        // Every ticket right but the first, whose priority is given as Normală.
        var lines = key.map { $0.answer.joined(separator: ", ") }
        lines[0] = "HelpDesk, Normală, Critică"
        let environment = ["TICKET_TRAINER_DATA_DIR": data, "USER": "elena"]
        let run = try Harness.run(
            ["test", "--in-order", "--lang", "en"], input: lines.joined(separator: "\n") + "\n",
            environment: environment)
        #expect(run.status == 0)

        let csv = try Harness.run(["report", "--format", "csv"], environment: environment)
        let rows = csv.output.split(separator: "\r\n")
        #expect(rows.count == 46)
        #expect(rows.first == #""ticket","scenario","field","given","expected","correct","rule""#)
        let expected = [
            "1", "resita-supermarket-all-tills-no-db", "priority", "Normală", "Ridicată", "0",
            "sales-stopped",
        ]
        #expect(rows[2] == expected.map { "\"\($0)\"" }.joined(separator: ","))

        let json = try Harness.run(["report", "--format", "json"], environment: environment)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["score"] as? Int == 44)
        #expect(object["max"] as? Int == 45)
        #expect(object["passed"] as? Bool == true)

        let markdown = try Harness.run(["report", "--lang", "en"], environment: environment)
        #expect(markdown.output.contains("- Outcome: PASSED"))
        // Pages for people name fields as the lesson does; CSV and JSON keep the ids.
        #expect(markdown.output.contains("| Priority | 14/15 | 93.3% |"))
        let romanian = try Harness.run(["report", "--lang", "ro"], environment: environment)
        #expect(romanian.output.contains("| Prioritate | 14/15 |"))

        let html = try Harness.run(["report", "--format", "html"], environment: environment)
        #expect(html.output.hasPrefix("<!DOCTYPE html>"))
        #expect(html.output.contains("<svg"))
        #expect(html.output.contains("<style>"))
        // Self-contained: nothing is fetched from anywhere.
        #expect(!html.output.contains("src="))
        #expect(!html.output.contains("href="))
    }

    /// Reads `pipe` until `marker` and then `next` have both appeared after it.
    private func waitFor(
        _ marker: String, then next: String, in pipe: Pipe, seconds: Double
    )
        throws -> Bool
    {
        let handle = pipe.fileHandleForReading
        let deadline = Date().addingTimeInterval(seconds)
        var text = ""
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { return false }
            text += String(decoding: chunk, as: UTF8.self)
            if let range = text.range(of: marker), text[range.upperBound...].contains(next) {
                return true
            }
        }
        return false
    }
}
