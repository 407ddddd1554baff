import Foundation
import Testing
import TicketTrainerCore
import TicketTrainerFormats

/// A scenario file is decoded ticket by ticket while it is read, when its lesson is already
/// known; otherwise once every file is read. Either way the trainer must get the same bank
/// and the same findings.
@Suite("Streaming and the order of files")
struct StreamingLoaderTests {
    static let practice = Files.repository.appendingPathComponent("Scenarios/practice.yaml").path

    @Test("A bank read after its lesson equals the same bank read before it")
    func orderDoesNotChangeTheBank() throws {
        let lessonFirst = CourseLoader().load([Files.lesson, Self.practice])
        let lessonLast = CourseLoader().load([Self.practice, Files.lesson])

        #expect(lessonFirst.diagnostics.isEmpty, "\(lessonFirst.diagnostics)")
        #expect(lessonLast.diagnostics.isEmpty, "\(lessonLast.diagnostics)")
        // practice.yaml holds 28 tickets.
        #expect(lessonFirst.banks.first?.scenarios.count == 28)
        #expect(lessonFirst.banks == lessonLast.banks)
    }

    @Test("A scenario file named alone is read against the fallback lesson")
    func fallbackLesson() throws {
        let course = CourseLoader().load([Self.practice], fallbackLessons: [Files.lessons])
        #expect(course.diagnostics.isEmpty, "\(course.diagnostics)")
        #expect(course.lessons.map(\.id) == ["crm-ticket-monitor"])
        #expect(course.files == [Files.lesson, Self.practice])
        #expect(course.banks.first?.scenarios.count == 28)
    }

    @Test("A named lesson set after a bank replaces the fallback, and the bank is read again")
    func namedLessonAfterTheBank() throws {
        let folder = try Files.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Files.lesson, encoding: .utf8)
        let other = folder.appendingPathComponent("other.yaml").path
        try text.replacingOccurrences(of: "lesson: crm-ticket-monitor", with: "lesson: other")
            .write(toFile: other, atomically: true, encoding: .utf8)

        // The bank streams against the bundled lesson, then 'other' turns out to be the
        // only lesson; read against it, the bank's 'lesson:' line (line 2) is the fault.
        let course = CourseLoader().load(
            [Self.practice, other], fallbackLessons: [Files.lessons])
        #expect(course.lessons.map(\.id) == ["other"])
        expectFindings(
            course.diagnostics, in: Self.practice,
            [Finding(line: 2, column: 9, words: ["for lesson 'crm-ticket-monitor', not 'other'"])])
    }

    @Test("An alias far into a long file stops the parse there, without reading to the end")
    func aliasDeepInALongFile() {
        // About 4 MB: read on a thread of its own (from 1 MiB), in batches of 4,096 events,
        // so the reader is several batches ahead, and waiting, when the alias stops the parse.
        var lines = ["items:"]
        for index in 0..<100_000 {
            lines.append(
                index == 12_000 ? "  - *anchor" : "  - item \(index) of a long list of items")
        }
        let parsed = YAMLParser().parse(Array(lines.joined(separator: "\n").utf8), file: "x.yaml")

        #expect(parsed.root == nil)
        #expect(parsed.diagnostics.count == 1, "\(parsed.diagnostics)")
        // Item 12,000 is on line 12,002: after 'items:' and 12,000 earlier items.
        #expect(parsed.diagnostics.first?.location.line == 12_002)
        #expect(parsed.diagnostics.first?.location.column == 5)
        #expect(parsed.diagnostics.first?.message.contains("aliases") == true)
    }
}

/// What the loader reports when a file stops halfway, or is not what it seems.
@Suite("Faults found while streaming")
struct StreamingFaultTests {
    static let head = "lesson: crm-ticket-monitor\nscenarios:\n"

    @Test("A key given twice is reported even when a later fault stops the file")
    func duplicateBeforeAFatalFault() throws {
        let text =
            Self.head + """
                  - id: a
                    id: b
                    ticket: x
                    facts: { request: how-to }
                  - id: c
                    ticket: *x

                """
        let (course, path) = try Files.loadWritten(Array(text.utf8))
        expectFindings(
            course.diagnostics, in: path,
            [
                Finding(line: 4, column: 5, words: ["duplicate key 'id'"]),
                Finding(line: 8, column: 13, words: ["aliases", "not allowed"]),
            ])
    }

    @Test("A key given twice in the ticket the parse stops in is reported too")
    func duplicateInTheUnfinishedTicket() throws {
        let text = Self.head + "  - id: a\n    id: b\n    ticket: *x\n"
        let (course, path) = try Files.loadWritten(Array(text.utf8))
        expectFindings(
            course.diagnostics, in: path,
            [
                Finding(line: 4, column: 5, words: ["duplicate key 'id'"]),
                Finding(line: 5, column: 13, words: ["aliases", "not allowed"]),
            ])
    }

    @Test("A bank naming its lesson last and stopped by a fault still reports its tickets'")
    func lessonLastThenAFatalFault() throws {
        let text = """
            scenarios:
              - id: a
                id: b
                ticket: x
                facts: { request: how-to }
            lesson: crm-ticket-monitor
            x: *a

            """
        let (course, path) = try Files.loadWritten(Array(text.utf8))
        expectFindings(
            course.diagnostics, in: path,
            [
                Finding(line: 3, column: 5, words: ["duplicate key 'id'"]),
                Finding(line: 7, column: 4, words: ["aliases", "not allowed"]),
            ])
    }

    @Test("An empty key is an error, not dropped in silence")
    func emptyKey() throws {
        let text =
            Self.head + "  - id: a\n    \"\": x\n    ticket: t\n    facts: {request: how-to}\n"
        let (course, path) = try Files.loadWritten(Array(text.utf8))
        expectFindings(
            course.diagnostics, in: path,
            [Finding(line: 4, column: 5, words: ["an empty key"], note: ["before ':'"])])
    }

    @Test("A bank that names its lesson after its tickets loads the same tickets")
    func lessonNamedLast() throws {
        let text = """
            scenarios:
              - {id: a, ticket: t, facts: {request: how-to}}
              - {id: b, ticket: u, facts: {request: fault, sales_stopped: true}}
            lesson: crm-ticket-monitor

            """
        let (course, path) = try Files.loadWritten(Array(text.utf8))
        #expect(course.diagnostics.filter { $0.location.file == path }.isEmpty)
        #expect(course.banks.first?.scenarios.map(\.id) == ["a", "b"])
    }

    @Test("A FIFO is refused at once, not waited on for ever")
    func fifo() throws {
        let folder = try Files.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("pipe.yaml").path
        try #require(mkfifo(path, 0o600) == 0)
        let course = CourseLoader().load([Files.lesson, path])
        expectFindings(
            course.diagnostics, in: path,
            [Finding(line: 1, column: 1, words: ["not a regular file"])])
    }

    @Test("With CR line ends, a broken character is placed on its own line")
    func carriageReturns() throws {
        // Line 3 is "  - id: " and the broken byte follows it, in column 9.
        let bytes =
            Array(
                (Self.head.replacingOccurrences(of: "\n", with: "\r")
                    + "  - id: ").utf8) + [0xC3, 0x28, 0x0D]
        let (course, path) = try Files.loadWritten(bytes)
        expectFindings(
            course.diagnostics, in: path,
            [Finding(line: 3, column: 9, words: ["invalid UTF-8"])])
    }

    @Test("libyaml's own faults come with advice")
    func adviceForSyntax() throws {
        let (course, path) = try Files.loadWritten(Array((Self.head + "  - id: a: b\n").utf8))
        expectFindings(
            course.diagnostics, in: path,
            [
                Finding(
                    line: 3, column: 10, words: ["mapping values are not allowed"],
                    note: ["needs quotes"])
            ])
    }
}
