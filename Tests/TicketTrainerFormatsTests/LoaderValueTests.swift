import Foundation
import Testing
import TicketTrainerCore
import TicketTrainerFormats

@Suite("Loader values")
struct LoaderValueTests {
    /// The scenarios a fixture gives, after checking the loader found nothing wrong.
    static func scenarios(_ fixture: String) throws -> [Scenario] {
        let (course, _) = try Files.loadScenarios(fixture)
        try #require(course.diagnostics.isEmpty, "\(course.diagnostics)")
        return course.banks.flatMap(\.scenarios)
    }

    @Test("'no', 'on', 'off' and '010' are text in text fields, booleans in boolean facts")
    func yaml11WordsInScenarios() throws {
        let scenarios = try Self.scenarios("yaml11-words.yaml")
        #expect(scenarios.map(\.id) == ["no", "010"])
        #expect(scenarios.map(\.ticket.romanian) == ["010", "off"])
        #expect(
            scenarios.first?.facts == [
                FactID("request"): .choice("fault"), FactID("sales_stopped"): .boolean(false),
                FactID("operator_error"): .boolean(true),
            ])
        #expect(
            scenarios.last?.facts == [
                FactID("request"): .choice("fault"), FactID("sales_stopped"): .boolean(true),
                FactID("remote_fix_failed"): .boolean(true),
            ])
    }

    @Test("'080' is the pass mark 80 and '010' hours is ten, not octal")
    func yaml11WordsInALesson() throws {
        let path = try Files.fixture("yaml11-lesson.yaml")
        let course = CourseLoader().load([path])
        try #require(course.diagnostics.isEmpty, "\(course.diagnostics)")
        let lesson = try #require(course.lessons.first)
        #expect(lesson.id == "on")
        #expect(lesson.title == LocalizedText("no"))
        #expect(lesson.passMark == 80)
        #expect(lesson.rule(RuleID("urgent"))?.contactDeadline == ContactDeadline(hours: 10))
        #expect(lesson.rule(RuleID("urgent"))?.conditions == [FactID("urgent"): [.boolean(true)]])
        #expect(lesson.rule(RuleID("calm"))?.conditions == [FactID("urgent"): [.boolean(false)]])
    }

    @Test("A byte-order mark is skipped and lines are counted as usual")
    func byteOrderMark() throws {
        let scenarios = try Self.scenarios("bom.yaml")
        #expect(scenarios.map(\.id) == ["bom-first"])
        #expect(scenarios.first?.origin.id?.line == 3)
        #expect(scenarios.first?.origin.id?.column == 9)
    }

    @Test("CR LF line ends load, with the right lines and no CR in the text")
    func windowsLineEnds() throws {
        let scenarios = try Self.scenarios("crlf.yaml")
        #expect(scenarios.map(\.id) == ["crlf-one", "crlf-two"])
        #expect(scenarios.first?.ticket.romanian == "Casa nu merge.\nNu iese bonul.")
        #expect(scenarios.first?.origin.id?.line == 4)
        let second = try #require(scenarios.last)
        #expect(second.origin.id?.line == 9)
        #expect(second.origin.id?.column == 9)
        #expect(second.ticket.romanian == "Memoria fiscală.")
        // Written without diacritics in the file, kept as the lesson's label.
        #expect(second.expected == [FieldID("priority"): "Normală"])
        #expect(second.origin.expected[FieldID("priority")]?.line == 14)
        #expect(second.origin.expected[FieldID("priority")]?.column == 17)
    }

    @Test("Terminal control sequences in a ticket load as written, for the screen to defuse")
    func controlSequencesKeptRaw() throws {
        let scenarios = try Self.scenarios("control-sequences.yaml")
        #expect(
            scenarios.first?.ticket.romanian
                == "\u{1B}[31mCasa nu merge\u{1B}[0m \u{1B}]0;title\u{07} \u{9B}2J gata")
    }

    @Test("A duplicate key keeps the first value")
    func duplicateKeepsFirst() throws {
        let (course, _) = try Files.loadScenarios("duplicate-key.yaml")
        let facts = course.banks.flatMap(\.scenarios).first?.facts
        #expect(facts?[FactID("request")] == .choice("fault"))
    }
}

@Suite("Hostile files written by the tests")
struct GeneratedFileTests {
    @Test("A 10 MB ticket on a single line loads intact")
    func tenMegabyteLine() throws {
        let size = 10 * 1024 * 1024
        let text = String(repeating: "a", count: size)
        let file =
            "{lesson: crm-ticket-monitor, scenarios: "
            + "[{id: huge, ticket: \"\(text)\", facts: {request: fault}}]}"
        let (course, _) = try Files.loadWritten(Array(file.utf8))
        #expect(course.diagnostics.isEmpty, "\(course.diagnostics.prefix(3))")
        let ticket = course.banks.first?.scenarios.first?.ticket.romanian
        #expect(ticket?.utf8.count == size)
    }

    /// A nesting of flow collections, `depth` deep, and where its 65th opening is.
    struct Nesting: CustomTestStringConvertible, Sendable {
        var open: String
        var close: String
        var depth: Int

        var testDescription: String { "\(open)... \(depth) deep" }

        var bytes: [UInt8] {
            Array(
                (String(repeating: open, count: depth) + String(repeating: close, count: depth))
                    .utf8)
        }

        /// Each level takes `open.count` columns, so level 65 starts after 64 of them.
        var column65: Int { 64 * open.utf8.count + 1 }
    }

    @Test(arguments: [
        Nesting(open: "[", close: "]", depth: 100_000),
        Nesting(open: "{a: ", close: "}", depth: 100_000),
    ])
    func deepNesting(_ nesting: Nesting) throws {
        let (course, path) = try Files.loadWritten(nesting.bytes)
        expectFindings(
            course.diagnostics, in: path,
            [Finding(line: 1, column: nesting.column65, words: ["nest more than 64 deep"])])
    }

    @Test("64 levels are allowed; the file is then simply not a lesson")
    func nestingAtTheLimit() throws {
        let (course, path) = try Files.loadWritten(
            Nesting(open: "[", close: "]", depth: 64).bytes)
        let mine = course.diagnostics.filter { $0.location.file == path }
        #expect(mine.count == 1, "\(mine)")
        #expect(mine.first?.message.contains("not a lesson or a scenario file") == true)
    }
}

@Suite("The bundled course")
struct BundledCourseTests {
    @Test("Lessons and Scenarios load with no error: 28 practice and 15 final-test tickets")
    func bundled() throws {
        let course = CourseLoader().load([Files.lessons, Files.scenarios])
        #expect(!course.diagnostics.containsErrors, "\(course.diagnostics)")
        let lesson = try #require(course.lessons.first)
        #expect(course.lessons.count == 1)
        #expect(lesson.id == "crm-ticket-monitor")
        #expect(lesson.passMark == 80)
        let practice = course.banks(for: lesson, purpose: .practice).flatMap(\.scenarios)
        let finalTest = course.banks(for: lesson, purpose: .finalTest).flatMap(\.scenarios)
        #expect(practice.count == 28)
        #expect(finalTest.count == 15)
    }

    @Test("The bundled lesson has the rules, fields and silences LESSON-FACTS lists")
    func bundledLessonShape() throws {
        let course = CourseLoader().load([Files.lesson])
        let lesson = try #require(course.lessons.first)
        #expect(lesson.fields.map(\.id.rawValue) == ["type", "priority", "severity"])
        #expect(
            lesson.fields.map { $0.choices.map(\.label) } == [
                ["HelpDesk", "Service soluție", "Asistență fiscală"],
                ["Ridicată", "Normală", "Redusă"],
                ["Critică", "Redusă", "Funcționalitate"],
            ])
        #expect(
            lesson.facts.map(\.id.rawValue) == [
                "request", "sales_stopped", "operator_error", "remote_fix_failed",
            ])
        #expect(
            lesson.fact(FactID("request"))?.kind
                == .choice(["fault", "how-to", "fiscal", "service"]))
        #expect(lesson.silences.count == 3)
        // Only rule 1 sets a contact deadline, of two hours.
        #expect(
            lesson.rules.filter { $0.contactDeadline != nil }.map(\.id.rawValue) == [
                "sales-stopped"
            ])
        #expect(lesson.rule(RuleID("sales-stopped"))?.contactDeadline?.hours == 2)
    }
}
