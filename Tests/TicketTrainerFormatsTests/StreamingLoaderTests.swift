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
